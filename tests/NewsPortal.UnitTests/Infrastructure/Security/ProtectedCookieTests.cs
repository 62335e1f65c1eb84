namespace NewsPortal.UnitTests.Infrastructure.Security;

public sealed class ProtectedCookieTests
{
    private readonly EphemeralDataProtectionProvider _keys = new();

    private ProtectedCookie Cookie(int maxLength = int.MaxValue) =>
        new(_keys, "tests.cookie.v1", "np_test", TimeSpan.FromDays(30), SameSiteMode.Lax, "/section", maxLength);

    /// <summary>What the browser sends back: the value of the cookie the response set.</summary>
    private static string Written(DefaultHttpContext response)
    {
        var header = response.Response.Headers.SetCookie.ToString();
        Assert.StartsWith("np_test=", header, StringComparison.Ordinal);
        return header["np_test=".Length..header.IndexOf(';', StringComparison.Ordinal)];
    }

    private static HttpRequest Sending(string value)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = $"np_test={value}";
        return context.Request;
    }

    [Fact]
    public void Read_WhatWriteSet_IsTheValue()
    {
        var response = new DefaultHttpContext();
        Cookie().Write(response, "reader-42");

        Assert.Equal("reader-42", Cookie().Read(Sending(Written(response))));
    }

    [Fact]
    public void Write_OverHttps_IsHttpOnlySecureScopedAndNotReadable()
    {
        var response = new DefaultHttpContext();
        response.Request.IsHttps = true;
        Cookie().Write(response, "reader-42");

        var header = response.Response.Headers.SetCookie.ToString();
        Assert.All(
            ["httponly", "secure", "samesite=lax", "path=/section", "max-age=2592000"],
            attribute => Assert.Contains(attribute, header, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("reader-42", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TamperedValue_IsNull()
    {
        var response = new DefaultHttpContext();
        Cookie().Write(response, "reader-42");
        var value = Written(response);

        Assert.Null(Cookie().Read(Sending(value[..^2] + (value[^2] == 'A' ? "BB" : "AA"))));
    }

    [Fact]
    public void Read_ValueFromAnotherPurpose_IsNull()
    {
        var response = new DefaultHttpContext();
        new ProtectedCookie(_keys, "tests.other.v1", "np_test", TimeSpan.FromDays(1), SameSiteMode.Lax, "/").Write(response, "reader-42");

        Assert.Null(Cookie().Read(Sending(Written(response))));
    }

    [Fact]
    public void Read_LongerThanItsLimit_IsNull()
    {
        var response = new DefaultHttpContext();
        Cookie().Write(response, "reader-42");
        var value = Written(response);

        Assert.Null(Cookie(maxLength: value.Length - 1).Read(Sending(value)));
        Assert.Equal("reader-42", Cookie(maxLength: value.Length).Read(Sending(value)));
    }

    [Fact]
    public void Read_NoCookie_IsNull() =>
        Assert.Null(Cookie().Read(new DefaultHttpContext().Request));
}
