namespace NewsPortal.IntegrationTests.Infrastructure.Security;

/// <summary>The headers and cookies a reader's browser receives: what it may load, frame, send on and keep.</summary>
public sealed class SecurityHeadersTests(SecurityHeadersTests.Factory factory) : IClassFixture<SecurityHeadersTests.Factory>
{
    public const string DefaultPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self'; " +
        "connect-src 'self'; frame-src https://www.youtube-nocookie.com https://player.vimeo.com; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    private const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    public sealed class Factory : NewsPortalFactory
    {
        public Factory() => this.WithAdmin();
    }

    private HttpClient Via(string baseAddress, string peer, string? forwardedProto = null)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(NewsPortalFactory.PeerHeader, peer);
        if (forwardedProto is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        }

        return client;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : string.Empty;

    /// <summary>The attributes of the cookie <paramref name="name"/> the response sets, lowercased, value left out.</summary>
    private static HashSet<string> CookieAttributes(HttpResponseMessage response, string name)
    {
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.SingleOrDefault(c => c.StartsWith(name + "=", StringComparison.Ordinal))
            : null;
        Assert.True(cookie is not null, $"The response sets no {name} cookie.");
        return [.. cookie!.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).Where(a => !a.StartsWith("expires=", StringComparison.Ordinal) && !a.StartsWith("max-age=", StringComparison.Ordinal))];
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/no-such-page")]
    public async Task AnyPage_CarriesThePagePolicyHeaders(string path)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(DefaultPolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        Assert.Equal("camera=(), microphone=(), geolocation=(), interest-cohort=()", Header(response, "Permissions-Policy"));
    }

    [Fact]
    public async Task Https_ThroughATrustedProxy_SendsHsts()
    {
        var response = await Via("http://news.example.test", "127.0.0.1", forwardedProto: "https").GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000", Header(response, "Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("127.0.0.1", null)]
    [InlineData("203.0.113.50", "https")]
    public async Task PlainHttp_OrAnUntrustedClaimOfHttps_SendsNoHsts(string peer, string? forwardedProto)
    {
        var response = await Via("http://news.example.test", peer, forwardedProto).GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task AntiforgeryCookie_IsHttpOnlyStrictAndSecureOverHttps()
    {
        var response = await factory.Browser().GetAsync(new Uri("/account/login", UriKind.Relative));

        Assert.Equal(["httponly", "path=/", "samesite=strict", "secure"], CookieAttributes(response, "np_af").Order());
    }

    [Fact]
    public async Task AntiforgeryCookie_OverPlainHttp_IsNotMarkedSecure()
    {
        var response = await factory.CreateNoRedirectClient().GetAsync(new Uri("/account/login", UriKind.Relative));

        Assert.Equal(["httponly", "path=/", "samesite=strict"], CookieAttributes(response, "np_af").Order());
    }

    [Fact]
    public async Task AuthCookie_IsHttpOnlyLaxAndSecure()
    {
        var response = await StaffSessions.LogInAsync(factory.Browser(), StaffSessions.AdminEmail);

        Assert.Equal(["httponly", "path=/", "samesite=lax", "secure"], CookieAttributes(response, StaffIdentityExtensions.AuthCookieName).Order());
    }

    [Fact]
    public async Task TempDataCookie_IsHttpOnlyLaxAndSecureOverHttps()
    {
        var admin = await factory.SignedInAsync(StaffSessions.AdminEmail);
        var (_, settings) = await Html.GetAsync(admin, "/admin/settings");

        var saved = await Html.SubmitAsync(admin, settings.QuerySelector<IHtmlFormElement>("form.settings-form")!);

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.Equal(["httponly", "path=/", "samesite=lax", "secure"], CookieAttributes(saved, TempDataCookie).Order());
    }

    [Fact]
    public async Task ReaderCookies_HeldCommentsAndCommentOrder_AreHttpOnlyLaxAndSecureOverHttps()
    {
        var slug = (await factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var reader = factory.Browser();

        var sorted = await reader.GetAsync(new Uri($"/news/{slug}?csort=newest", UriKind.Relative));
        Assert.Equal(["httponly", "path=/", "samesite=lax", "secure"], CookieAttributes(sorted, CommentSectionService.SortCookie).Order());

        var posted = await ReaderComments.PostAsync(reader, slug, "Cookie Reader", "cookie.reader@example.com", "A comment that waits for moderation.");
        Assert.Equal(["httponly", "path=/", "samesite=lax", "secure"], CookieAttributes(posted, HeldCommentsCookie.CookieName).Order());
    }
}
