namespace NewsPortal.UnitTests.Infrastructure.Security;

public sealed class ImageOriginsTests
{
    [Theory]
    [InlineData("https://images.example.com", true)]
    [InlineData("https://images.example.com/", true)]
    [InlineData("https://cdn.example.org:8443", true)]
    [InlineData("http://images.example.com", false)]
    [InlineData("https://images.example.com/photos", false)]
    [InlineData("https://*.example.com", false)]
    [InlineData("https://user@images.example.com", false)]
    [InlineData("images.example.com", false)]
    [InlineData("", false)]
    public void IsValidOrigin_AcceptsHttpsSchemeHostAndPortOnly(string origin, bool valid) =>
        Assert.Equal(valid, ImageOrigins.IsValidOrigin(origin));

    [Fact]
    public void Origins_AreNormalisedForTheContentSecurityPolicy()
    {
        var origins = new ImageOrigins(["https://Images.Example.com/", "https://cdn.example.org:443", "https://cdn.example.org:8443"]);

        Assert.Equal(["https://cdn.example.org", "https://cdn.example.org:8443", "https://images.example.com"], origins.Origins);
        Assert.Equal(
            "default-src 'self'; img-src 'self' data: https://cdn.example.org https://cdn.example.org:8443 https://images.example.com; style-src 'self'; " +
            "script-src 'self'; font-src 'self'; connect-src 'self'; frame-src https://www.youtube-nocookie.com https://player.vimeo.com; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
            SecurityHeadersExtensions.ContentSecurityPolicy(origins));
    }

    [Theory]
    [InlineData("/images/a.png", true)]
    [InlineData("images/a.png", true)]
    [InlineData("https://images.example.com/a.png", true)]
    [InlineData("https://elsewhere.example/a.png", false)]
    [InlineData("//images.example.com/a.png", false)]
    [InlineData("/\\elsewhere.example/a.png", false)]
    [InlineData("data:image/png;base64,AAAA", false)]
    [InlineData("javascript:alert(1)", false)]
    public void IsAllowed_ThisSiteOrAConfiguredOrigin(string url, bool allowed) =>
        Assert.Equal(allowed, new ImageOrigins(["https://images.example.com"]).IsAllowed(url));
}
