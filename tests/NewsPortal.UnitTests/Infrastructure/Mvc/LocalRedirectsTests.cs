namespace NewsPortal.UnitTests.Infrastructure.Mvc;

public sealed class LocalRedirectsTests
{
    [Theory]
    [InlineData("/admin/comments?status=pending&page=2", "/admin/comments?status=pending&page=2")]
    [InlineData("/admin/comments?x=\u00BF", "/admin/comments?x=%C2%BF")]
    [InlineData("/admin/caf\u00E9", "/admin/caf%C3%A9")]
    [InlineData("/admin/comments?q=a b", "/admin/comments?q=a%20b")]
    [InlineData("/admin/comments?q=x\r\nSet-Cookie: a=b", "/admin/comments?q=x%0D%0ASet-Cookie:%20a=b")]
    [InlineData("/admin/comments?q=%C2%BF", "/admin/comments?q=%C2%BF")]
    [InlineData("/news/\U0001F600", "/news/%F0%9F%98%80")]
    public void Encode_LocalUrl_IsPrintableAsciiWithExistingEscapesKept(string url, string expected) =>
        Assert.Equal(expected, LocalRedirects.Encode(url));
}
