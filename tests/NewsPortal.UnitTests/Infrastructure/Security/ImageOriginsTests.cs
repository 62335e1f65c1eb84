namespace NewsPortal.UnitTests.Infrastructure.Security;

public sealed class ImageOriginsTests
{
    [Theory]
    [MemberData(nameof(Origins))]
    public void IsValidOrigin_AcceptsHttpsSchemeHostAndPortOnly(string origin, bool valid) =>
        Assert.Equal(valid, ImageOrigins.IsValidOrigin(origin));

    public static TheoryData<string, bool> Origins => new()
    {
        { "https://images.example.com", true },
        { "https://images.example.com/", true },
        { "https://cdn.example.org:8443", true },
        { "http://images.example.com", false },
        { "https://images.example.com/photos", false },
        { "https://*.example.com", false },
        { "https://user@images.example.com", false },
        { "images.example.com", false },
        { "", false },
    };

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
    [MemberData(nameof(Urls))]
    public void IsAllowed_ThisSiteOrAConfiguredOrigin(string url, bool allowed) =>
        Assert.Equal(allowed, new ImageOrigins(["https://images.example.com"]).IsAllowed(url));

    public static TheoryData<string, bool> Urls => new()
    {
        { "/images/a.png", true },
        { "images/a.png", true },
        { "https://images.example.com/a.png", true },
        { "https://elsewhere.example/a.png", false },
        { "//images.example.com/a.png", false },
        { "/\\elsewhere.example/a.png", false },
        { "data:image/png;base64,AAAA", false },
        { "javascript:alert(1)", false },
    };
}
