namespace NewsPortal.IntegrationTests.Infrastructure.Proxy;

/// <summary>
/// Behind a reverse proxy: who the client is, which scheme it used and which address the site has. The test
/// server has no TCP peer, so each request names the address it comes from (<see cref="NewsPortalFactory.PeerHeader"/>).
/// </summary>
public sealed class ProxyTests(ProxyTests.Factory factory) : IClassFixture<ProxyTests.Factory>
{
    private const string Loopback = "127.0.0.1";
    private const string TrustedProxy = "10.20.1.2";
    private const string Stranger = "203.0.113.50";
    private const string Client = "198.51.100.7";
    private readonly Factory _factory = factory;

    public sealed class Factory : NewsPortalFactory
    {
        public Factory()
        {
            Settings["ForwardedHeaders:KnownNetworks:0"] = "10.20.0.0/16";
            Settings["Comments:PostsPerMinutePerIp"] = "2";
        }
    }

    private HttpClient ClientVia(string peer, string? forwardedFor = null, string? forwardedProto = null)
    {
        var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("http://news.example.test"),
            AllowAutoRedirect = false,

            // The reader's browser talks https to the proxy and sends its Secure cookies; this client talks http
            // to the site, so it carries the cookies itself (see PostCommentAsync).
            HandleCookies = false,
        });
        client.DefaultRequestHeaders.Add(NewsPortalFactory.PeerHeader, peer);
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        if (forwardedProto is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        }

        return client;
    }

    private async Task<(HttpResponseMessage Page, HttpResponseMessage Post, string? StoredIp)> PostCommentAsync(HttpClient client, string marker)
    {
        var slug = (await _factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var (page, document) = await Html.GetAsync(client, $"/news/{slug}");
        var post = await SubmitCommentAsync(client, page, document, "proxy@example.com", marker);
        var ip = await _factory.WithDbAsync(db => db.Comments.Where(c => c.BodyHtml.Contains(marker)).Select(c => c.IpAddress).SingleOrDefaultAsync());
        return (page, post, ip);
    }

    /// <summary>Submits the page's comment form with the antiforgery cookie the page set, as the reader's browser would.</summary>
    private static async Task<HttpResponseMessage> SubmitCommentAsync(
        HttpClient client, HttpResponseMessage page, AngleSharp.Dom.IDocument document, string email, string body)
    {
        var form = Html.CommentForm(document);
        using var request = new HttpRequestMessage(HttpMethod.Post, Html.ActionOf(form))
        {
            Content = new FormUrlEncodedContent(Html.FormValues(form, new Dictionary<string, string>
            {
                ["Name"] = "Proxy Reader",
                ["Email"] = email,
                ["Body"] = body,
            })),
        };
        request.Headers.Add("Cookie", CookieHeader(page, "np_af")!.Split(';')[0]);
        return await client.SendAsync(request);
    }

    private static string? CookieHeader(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.StartsWith(name + "=", StringComparison.Ordinal))
            : null;

    [Theory]
    [InlineData(Loopback, "198.51.100.10")]
    [InlineData(TrustedProxy, "198.51.100.11")]
    public async Task TrustedProxy_ClientAddressAndHttps_AreTheClients(string proxy, string client)
    {
        var marker = $"Through a trusted proxy {Guid.NewGuid():N}";
        var (page, post, storedIp) = await PostCommentAsync(ClientVia(proxy, client, "https"), marker);

        Assert.Equal(HttpStatusCode.SeeOther, post.StatusCode);
        Assert.Equal(client, storedIp);
        Assert.True(page.Headers.Contains("Strict-Transport-Security"), "HSTS is sent when the proxy says the client used https");
        Assert.Contains("max-age=31536000", page.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.Contains("secure", CookieHeader(page, "np_af")!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UntrustedPeer_ForwardedHeaders_AreIgnored()
    {
        var marker = $"Spoofed headers {Guid.NewGuid():N}";
        var (page, post, storedIp) = await PostCommentAsync(ClientVia(Stranger, Client, "https"), marker);

        Assert.Equal(HttpStatusCode.SeeOther, post.StatusCode);
        Assert.Equal(Stranger, storedIp);
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("secure", CookieHeader(page, "np_af")!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ForwardedFor_WrittenByTheClient_IsNeverBelieved()
    {
        // The client sent "X-Forwarded-For: 192.0.2.1"; the proxy appended the address it saw. Only hops vouched
        // for by a trusted proxy count, so the client is the address the proxy saw.
        var marker = $"Client-written header {Guid.NewGuid():N}";
        var (_, post, storedIp) = await PostCommentAsync(ClientVia(Loopback, $"192.0.2.1, {Client}"), marker);

        Assert.Equal(HttpStatusCode.SeeOther, post.StatusCode);
        Assert.Equal(Client, storedIp);
    }

    [Fact]
    public async Task RateLimit_BehindTheProxy_CountsEachClientSeparately()
    {
        var slug = (await _factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;

        async Task<HttpStatusCode> PostAsync(string clientAddress, int n)
        {
            var client = ClientVia(Loopback, clientAddress);
            var (page, document) = await Html.GetAsync(client, $"/news/{slug}");
            return (await SubmitCommentAsync(client, page, document, $"limit{n}@example.com", $"Post {n} from {clientAddress}")).StatusCode;
        }

        // The factory allows 2 a minute. Two addresses in one IPv6 /64 are one subscriber; another /64 is not.
        Assert.Equal(HttpStatusCode.SeeOther, await PostAsync("2001:db8:1:2::1", 1));
        Assert.Equal(HttpStatusCode.SeeOther, await PostAsync("2001:db8:1:2::99", 2));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostAsync("2001:db8:1:2:ffff::5", 3));
        Assert.Equal(HttpStatusCode.SeeOther, await PostAsync("2001:db8:1:3::1", 4));
        Assert.Equal(HttpStatusCode.SeeOther, await PostAsync("192.0.2.44", 5));
    }
}

/// <summary>With <c>Site:PublicUrl</c> set, every absolute URL uses it, whatever Host the request names.</summary>
public sealed class PublicUrlTests(PublicUrlTests.Factory factory) : IClassFixture<PublicUrlTests.Factory>
{
    private const string PublicUrl = "https://news.example.com";
    private const string Intruder = "evil.example";
    private readonly Factory _factory = factory;

    public sealed class Factory : NewsPortalFactory
    {
        public Factory() => Settings["Site:PublicUrl"] = PublicUrl;
    }

    private HttpClient ClientWithForeignHost() => _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri($"http://{Intruder}"),
        AllowAutoRedirect = false,
    });

    [Fact]
    public async Task ArticlePage_CanonicalOpenGraphAndJsonLd_UsePublicUrl()
    {
        var slug = (await _factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var response = await ClientWithForeignHost().GetAsync(new Uri($"/news/{slug}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        Assert.Equal($"{PublicUrl}/news/{slug}", document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal($"{PublicUrl}/news/{slug}", document.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.Contains($"\"url\":\"{PublicUrl}/news/{slug}\"", document.QuerySelector("script[type='application/ld+json']")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Intruder, html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/feed.xml")]
    [InlineData("/sitemap.xml")]
    [InlineData("/news-sitemap.xml")]
    [InlineData("/robots.txt")]
    [InlineData("/")]
    [InlineData("/category/world")]
    public async Task MachineReadablePages_UsePublicUrl_NeverTheHostHeader(string path)
    {
        await _factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db));
        var response = await ClientWithForeignHost().GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(PublicUrl, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Intruder, body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PrivacyMail_RequestedWithAForeignHost_LinksToPublicUrl()
    {
        var email = $"host-{Guid.NewGuid():N}@example.test";
        var client = ClientWithForeignHost();
        var slug = (await _factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var (_, article) = await Html.GetAsync(client, $"/news/{slug}");
        var posted = await Html.SubmitAsync(client, Html.CommentForm(article), new Dictionary<string, string>
        {
            ["Name"] = "Host Reader",
            ["Email"] = email,
            ["Body"] = "A comment so the address has data.",
        });
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);

        var (_, privacy) = await Html.GetAsync(client, "/privacy");
        var requested = await Html.SubmitAsync(client, (AngleSharp.Html.Dom.IHtmlFormElement)privacy.QuerySelector("form[action='/privacy']")!,
            new Dictionary<string, string> { ["Email"] = email, ["Request"] = "export" });
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);

        var mail = await _factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == email).Select(m => m.TextBody + m.HtmlBody).SingleAsync());
        Assert.Contains($"{PublicUrl}/privacy/export?t=", mail, StringComparison.Ordinal);
        Assert.DoesNotContain(Intruder, mail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LoginRedirect_GoesToPublicUrl_NeverTheHostHeader()
    {
        var response = await ClientWithForeignHost().GetAsync(new Uri("/admin/comments", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{PublicUrl}/account/login?ReturnUrl=%2Fadmin%2Fcomments", response.Headers.Location!.OriginalString);
    }
}
