namespace NewsPortal.IntegrationTests.Features.Errors;

/// <summary>What bots and broken clients send to reader and admin routes: huge and negative numbers, bad encodings, odd methods, header injection. None of it may give a 5xx or log an error.</summary>
public sealed class BadInputCorpusTests(BadInputTestBase.Site site) : BadInputTestBase(site), IClassFixture<BadInputTestBase.Site>
{
    public static TheoryData<string> ReaderUrls => new()
    {
        "/?page=-1",
        "/category/world?page=-1",
        "/category/world?page=0",
        "/category/world?page=2147483647",
        "/category/world?page=99999999999999999999",
        "/category/world?page=abc",
        "/category/world?page=%00",
        "/category/%7F",
        "/category/%C0%AF",
        "/tag/%FF%FE",
        "/tag/" + Long,
        "/search?q=%00",
        "/search?q=%C0%80%C0%AE",
        "/search?q=%01%02%1B%7F",
        "/search?q=%E2%80%AE%E2%80%8B",
        "/search?q=x&page=-1",
        "/search?q=x&page=2147483647",
        "/search?q=x&page=99999999999999999999",
        "/search?q=a&q=b&q=c",
        "/search?q=" + Long,
        "/search?q=a%0D%0AX-Injected:%201",
        "/news/{slug}?cpage=-1",
        "/news/{slug}?cpage=0",
        "/news/{slug}?cpage=2147483647",
        "/news/{slug}?cpage=99999999999999999999",
        "/news/{slug}?cpage=",
        "/news/{slug}?replyto=-1",
        "/news/{slug}?replyto=2147483647",
        "/news/{slug}?replyto=99999999999999999999",
        "/news/{slug}?csort=%00",
        "/news/{slug}?csort=newest%0D%0ASet-Cookie:%20injected=1",
        "/news/{slug}?csort=" + Long,
        "/news/{slug}/comments/-1",
        "/news/{slug}/comments/2147483647",
        "/news/{slug}/comments/99999999999999999999",
        "/news/%01%1B",
        "/news/%C0%AF%C0%AF",
        "/news/" + Long,
        "/feed.xml?page=-1",
        "/sitemap.xml?page=99999999999999999999",
        "/account/login?ReturnUrl=%0D%0ASet-Cookie:%20injected=1",
        "/account/login?ReturnUrl=" + Long,
        "/error/-1",
        "/error/0",
        "/error/99999999999999999999",
    };

    [Theory]
    [MemberData(nameof(ReaderUrls))]
    public async Task Get_WithBadInput_IsNeverA5xx(string url)
    {
        var slug = await NewArticleAsync();

        var response = await _site.CreateNoRedirectClient().GetAsync(new Uri(ReaderRoutes.For(url, slug), UriKind.Relative));

        AssertNo5xx(response, url);
    }

    public static TheoryData<string> RawQueries => new() { "?q=%", "?q=%zz", "?q=%C0", "?q=%%00", "?q=%u0041", "?page=-0&q=%E0%80%80" };

    /// <summary>Query strings exactly as sent, past HttpClient's own clean-up of bad escapes.</summary>
    [Theory]
    [MemberData(nameof(RawQueries))]
    public async Task Get_SearchWithBadPercentEncoding_IsNeverA5xx(string query)
    {
        var context = await _site.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Host = new HostString("localhost");
            c.Request.Path = "/search";
            c.Request.QueryString = new QueryString(query);
        });

        Assert.True(context.Response.StatusCode < 500, $"{query}: {context.Response.StatusCode}");
        Assert.Empty(_site.Log.Errors);
    }

    public static TheoryData<string, string> OddMethods
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var method in new[] { "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND" })
            {
                foreach (var url in ReaderRoutes.All)
                {
                    data.Add(method, url);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(OddMethods))]
    public async Task Method_AReaderRouteDoesNotTake_Is405WithTheFriendlyPage(string method, string url)
    {
        var slug = await NewArticleAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(ReaderRoutes.For(url, slug), UriKind.Relative));

        var response = await _site.CreateNoRedirectClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("This page cannot do that", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent.Trim());
        AssertNo5xx(response, $"{method} {url}");
    }

    public static TheoryData<string, string> AdminRequests => new()
    {
        { "GET", "/admin/comments?page=-1&size=-1" },
        { "GET", "/admin/comments?page=99999999999999999999&size=2147483647" },
        { "GET", "/admin/comments?status=%00&sort=%00&article=-1&q=%00" },
        { "GET", "/admin/comments?q=" + Long },
        { "GET", "/admin/comments/2147483647" },
        { "GET", "/admin/comments/99999999999999999999" },
        { "GET", "/admin/articles?page=-1&status=%00" },
        { "POST", "/admin/comments/bulk|action=approve&ids=-1&ids=abc&ids=99999999999999999999&ids=2147483647" },
        { "POST", "/admin/comments/bulk|action=%00&ids=1" },
        { "POST", "/admin/comments/bulk|action=approve" + string.Concat(Enumerable.Range(0, 2000).Select(i => $"&ids={i}")) },
        { "POST", "/admin/comments/2147483647/approve|version=99999999999999999999" },
        { "POST", "/admin/comments/99999999999999999999/approve|version=1" },
        { "POST", "/admin/comments/1/approve|returnUrl=/admin%0D%0ASet-Cookie:%20injected=1" },
        { "POST", "/admin/comments/1/approve|returnUrl=/admin/comments?x=%C2%BF%00" },
        { "POST", "/admin/settings|MaxLinks=-1&AutoCloseAfterDays=99999999999999999999&PreModeration=maybe&AutoApprovePreviouslyApproved=&Version=-1" },
        { "POST", "/admin/settings|ModerationKeywords=%00&BlockedWords=" + Long },
        { "PUT", "/admin/comments/1/approve|" },
        { "DELETE", "/admin/settings|" },
    };

    [Theory]
    [MemberData(nameof(AdminRequests))]
    public async Task AdminRequest_WithBadInput_IsNeverA5xx(string method, string request)
    {
        var admin = await _site.SignedInAsync(StaffSessions.AdminEmail);
        var (_, queue) = await Html.GetAsync(admin, "/admin/comments");
        var token = queue.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        var parts = request.Split('|');
        using var message = new HttpRequestMessage(new HttpMethod(method), new Uri(parts[0], UriKind.Relative));
        if (parts.Length > 1)
        {
            message.Content = Raw($"__RequestVerificationToken={Uri.EscapeDataString(token)}&{parts[1]}");
        }

        var response = await admin.SendAsync(message);

        AssertNo5xx(response, $"{method} {request[..Math.Min(request.Length, 120)]}");
        Assert.DoesNotContain("\n", response.Headers.Location?.OriginalString ?? string.Empty, StringComparison.Ordinal);
    }
}
