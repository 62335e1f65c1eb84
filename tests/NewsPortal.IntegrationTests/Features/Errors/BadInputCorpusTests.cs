using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.TestSupport;
using Serilog.Core;

namespace NewsPortal.IntegrationTests.Features.Errors;

/// <summary>
/// What bots and broken clients send, at every kind of route: sizes, encodings, NUL and control characters, malformed
/// forms, huge and negative numbers, odd methods, header injection. None of it may give a 5xx or log an error, and no
/// malformed comment post may store a comment.
/// </summary>
public sealed class BadInputCorpusTests : IClassFixture<BadInputCorpusTests.Site>
{
    private const string FormType = "application/x-www-form-urlencoded";
    private static readonly string Long = new('a', 20_000);
    private readonly Site _site;

    public BadInputCorpusTests(Site site) => _site = site;

    public sealed class Site : NewsPortalFactory
    {
        public Site()
        {
            this.WithAdmin();
            ConfigureServices = services => services.AddSingleton<ILogEventSink>(Log);
        }

        public CapturedLog Log { get; } = new();
    }

    private async Task<string> NewArticleAsync() => (await _site.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;

    private Task<int> CommentsOnAsync(string slug) => _site.WithDbAsync(db => db.Comments.CountAsync(c => c.Article.Slug == slug));

    private void AssertNo5xx(HttpResponseMessage response, string what)
    {
        Assert.True((int)response.StatusCode < 500, $"{what}: {(int)response.StatusCode}");
        Assert.Empty(_site.Log.Errors);
        // Nothing a client sent becomes a header of its own.
        Assert.False(response.Headers.Contains("X-Injected"), what);
        Assert.DoesNotContain(
            response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
            cookie => cookie.StartsWith("injected", StringComparison.Ordinal));
    }

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

        var response = await _site.CreateNoRedirectClient().GetAsync(new Uri(url.Replace("{slug}", slug, StringComparison.Ordinal), UriKind.Relative));

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
                foreach (var url in new[] { "/", "/news/{slug}", "/category/world", "/search?q=x", "/feed.xml", "/robots.txt", "/sitemap.xml" })
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
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url.Replace("{slug}", slug, StringComparison.Ordinal), UriKind.Relative));

        var response = await _site.CreateNoRedirectClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("This page cannot do that", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent.Trim());
        AssertNo5xx(response, $"{method} {url}");
    }

    /// <summary>A malformed comment post: the fields the form renders (token, stamp, honeypot) and what a reader typed, sent badly.</summary>
    private static readonly Dictionary<string, Func<List<KeyValuePair<string, string>>, HttpContent>> MalformedComments = new()
    {
        ["2,000 fields"] = f => Form(f, string.Concat(Enumerable.Range(0, 2000).Select(i => $"&f{i}=x"))),
        ["a key over 2,048 characters"] = f => Form(f, $"&{new string('k', 3000)}=v"),
        ["a value over 4 MB"] = f => Form(f, $"&Extra={new string('v', (4 * 1024 * 1024) + 10)}"),
        ["a body over Comments:MaxRequestBytes"] = f => Form(f, $"&Extra={new string('v', 70_000)}"),
        ["the body sent twice"] = f => Form(f, "&Body=A+second+body"),
        ["the name sent twice in another case"] = f => Form(f, "&name=Eve"),
        ["two antiforgery tokens"] = f => Form(f, "&__RequestVerificationToken=forged"),
        ["no antiforgery token"] = f => Form([.. f.Where(p => p.Key != "__RequestVerificationToken")], string.Empty),
        ["a ParentId past int"] = f => Form(With(f, "ParentId", "99999999999999999999"), string.Empty),
        ["a negative ParentId"] = f => Form(With(f, "ParentId", "-1"), string.Empty),
        ["a ParentId that is not a number"] = f => Form(With(f, "ParentId", "1e3"), string.Empty),
        ["a body of control characters only"] = f => Raw(Encoded(With(f, "Body", string.Empty)).Replace("Body=", "Body=%01%02%1B%7F%C2%85", StringComparison.Ordinal)),
        ["a name that is one bidi override"] = f => Form(With(f, "Name", "\u202E"), string.Empty),
        ["CR LF and a header in the email"] = f => Form(With(f, "Email", "ada@example.com\r\nBcc: eve@example.com"), string.Empty),
        ["text/plain"] = f => new StringContent(Encoded(f), Encoding.UTF8, "text/plain"),
        ["JSON"] = f => new StringContent("{\"Name\":\"Ada\",\"Email\":\"ada@example.com\",\"Body\":\"Hello\"}", Encoding.UTF8, "application/json"),
        ["no Content-Type"] = f => new ByteArrayContent(Encoding.ASCII.GetBytes(Encoded(f))),
        ["a Content-Type that does not parse"] = f => WithType(Encoded(f), "application/x-www-form-urlencoded; charset=\"unterminated"),
        ["multipart cut off before its end"] = f => WithType(Multipart(f)[..^40], "multipart/form-data; boundary=cut-boundary"),
        ["multipart without a boundary"] = f => WithType(Multipart(f), "multipart/form-data"),
        ["multipart whose part headers never end"] = f => WithType($"--cut-boundary\r\nContent-Disposition: form-data; name=\"Name\"\r\nX-Filler: {Long}\r\n\r\nAda\r\n" + Multipart(f), "multipart/form-data; boundary=cut-boundary"),
    };

    /// <summary>What each malformed comment post is answered with: 400 (the friendly page) unless named here.</summary>
    private static readonly Dictionary<string, int> MalformedCommentStatus = new()
    {
        ["a value over 4 MB"] = 413,
        ["a body over Comments:MaxRequestBytes"] = 413,
        // Readable forms with a bad field: the form again, with a message.
        ["a ParentId past int"] = 200,
        ["a negative ParentId"] = 200,
        ["a ParentId that is not a number"] = 200,
        ["a body of control characters only"] = 200,
        ["a name that is one bidi override"] = 200,
        ["CR LF and a header in the email"] = 200,
    };

    public static TheoryData<string> MalformedCommentCases => [.. MalformedComments.Keys];

    [Theory]
    [MemberData(nameof(MalformedCommentCases))]
    public async Task CommentPost_Malformed_IsNeverA5xxAndStoresNothing(string malformation)
    {
        var slug = await NewArticleAsync();
        var (client, fields) = await CommentFieldsAsync(slug);
        using var content = MalformedComments[malformation](fields);

        var response = await client.PostAsync(new Uri($"/news/{slug}/comments", UriKind.Relative), content);

        AssertNo5xx(response, malformation);
        Assert.Equal(MalformedCommentStatus.GetValueOrDefault(malformation, 400), (int)response.StatusCode);
        Assert.Equal(0, await CommentsOnAsync(slug));
    }

    [Fact]
    public async Task CommentPost_WellFormed_IsStored()
    {
        // The corpus's baseline: the same fields, sent properly, are a comment (so each refusal above is the malformation's).
        var slug = await NewArticleAsync();
        var (client, fields) = await CommentFieldsAsync(slug);

        var response = await client.PostAsync(new Uri($"/news/{slug}/comments", UriKind.Relative), Form(fields, string.Empty));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(1, await CommentsOnAsync(slug));
    }

    public static TheoryData<string, string> OddButReadableComments => new()
    {
        { "bad percent-encoding", "Body=100%zz+and+50%" },
        { "overlong UTF-8", "Body=%C0%AE%C0%AE+dots" },
        { "a charset the page never uses", "charset=utf-7" },
    };

    /// <summary>Bad in the small but readable: taken as written (invalid bytes become U+FFFD), never a 5xx.</summary>
    [Theory]
    [MemberData(nameof(OddButReadableComments))]
    public async Task CommentPost_OddButReadable_IsStoredAsRead(string oddity, string how)
    {
        var slug = await NewArticleAsync();
        var (client, fields) = await CommentFieldsAsync(slug);
        using var content = how.StartsWith("charset=", StringComparison.Ordinal)
            ? WithType(Encoded(fields), $"{FormType}; {how}")
            : Raw(Encoded(With(fields, "Body", string.Empty)).Replace("Body=", how, StringComparison.Ordinal));

        var response = await client.PostAsync(new Uri($"/news/{slug}/comments", UriKind.Relative), content);

        AssertNo5xx(response, oddity);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(1, await CommentsOnAsync(slug));
    }

    [Fact]
    public async Task CommentPost_NulAndControlCharactersInEveryField_AreRemovedAndTheCommentIsStored()
    {
        var slug = await NewArticleAsync();
        var (client, fields) = await CommentFieldsAsync(slug);
        var body = Encoded(fields)
            .Replace("Name=Ada+Lovelace", "Name=Ada%00+Love%01lace", StringComparison.Ordinal)
            .Replace("Email=ada%40example.com", "Email=ada%00%40example.com%1F", StringComparison.Ordinal)
            .Replace("Body=A+thoughtful+comment.", "Body=A+thought%00ful%07+comment.%00", StringComparison.Ordinal)
            .Replace("ParentId=", "ParentId=%00", StringComparison.Ordinal)
            .Replace("Website=", "Website=%00", StringComparison.Ordinal);

        var response = await client.PostAsync(new Uri($"/news/{slug}/comments", UriKind.Relative), Raw(body));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var stored = await _site.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Article.Slug == slug));
        Assert.Equal("Ada Lovelace", stored.AuthorName);
        Assert.Equal("ada@example.com", stored.AuthorEmail);
        Assert.Equal("<p>A thoughtful comment.</p>", stored.BodyHtml);
        Assert.Null(stored.ParentId);
        Assert.Equal(Web.Domain.CommentStatus.Pending, stored.Status);
    }

    private static readonly Dictionary<string, Func<List<KeyValuePair<string, string>>, HttpContent>> MalformedSignIns = new()
    {
        ["NUL in the email"] = f => Raw(Encoded(f).Replace("Email=", "Email=%00", StringComparison.Ordinal)),
        ["2,000 fields"] = f => Form(f, string.Concat(Enumerable.Range(0, 2000).Select(i => $"&f{i}=x"))),
        ["a key over 2,048 characters"] = f => Form(f, $"&{new string('k', 3000)}=v"),
        ["a value over 4 MB"] = f => Form(f, $"&Password={new string('v', (4 * 1024 * 1024) + 10)}"),
        ["multipart cut off before its end"] = f => WithType(Multipart(f)[..^40], "multipart/form-data; boundary=cut-boundary"),
        ["text/plain"] = f => new StringContent(Encoded(f), Encoding.UTF8, "text/plain"),
        ["CR LF in the return address"] = f => Form(With(f, "ReturnUrl", "/admin\r\nSet-Cookie: injected=1"), string.Empty),
        ["a return address over 20,000 characters"] = f => Form(With(f, "ReturnUrl", "/" + Long), string.Empty),
    };

    public static TheoryData<string> MalformedSignInCases => [.. MalformedSignIns.Keys];

    [Theory]
    [MemberData(nameof(MalformedSignInCases))]
    public async Task SignIn_Malformed_IsNeverA5xxAndSignsNobodyIn(string malformation)
    {
        var client = _site.Browser();
        var (_, page) = await Html.GetAsync(client, "/account/login");
        var fields = Html.FormValues(page.QuerySelector<IHtmlFormElement>("main form")!, new Dictionary<string, string>
        {
            // Not a staff account: failed attempts on a real one would lock it for the admin tests.
            ["Email"] = "nobody@example.com",
            ["Password"] = "not the password",
        });
        using var content = MalformedSignIns[malformation](fields);

        var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), content);

        AssertNo5xx(response, malformation);
        var (admin, _) = await Html.GetAsync(client, "/admin");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
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

    [Fact]
    public async Task CommentPost_OverTheRateLimitWithAnUnreadableBody_GetsTheFriendly429()
    {
        using var limited = new NewsPortalFactory();
        limited.Settings["Comments:PostsPerMinutePerIp"] = "1";
        var slug = (await limited.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var client = limited.CreateNoRedirectClient();
        var unreadable = "Name=Ada&Body=%00" + string.Concat(Enumerable.Range(0, 2000).Select(i => $"&f{i}=x"));

        await client.PostAsync(new Uri($"/news/{slug}/comments", UriKind.Relative), Raw(unreadable));
        var response = await client.PostAsync(new Uri($"/news/{slug}/comments", UriKind.Relative), Raw(unreadable));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("Too many requests", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent.Trim());
    }

    private async Task<(HttpClient Client, List<KeyValuePair<string, string>> Fields)> CommentFieldsAsync(string slug)
    {
        var client = _site.CreateNoRedirectClient();
        var (_, page) = await Html.GetAsync(client, $"/news/{slug}");
        return (client, Html.FormValues(Html.CommentForm(page), new Dictionary<string, string>
        {
            ["Name"] = "Ada Lovelace",
            ["Email"] = "ada@example.com",
            ["Body"] = "A thoughtful comment.",
        }));
    }

    private static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> fields, string name, string value) =>
        [.. fields.Where(f => f.Key != name), new(name, value)];

    private static string Encoded(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")).Replace("%20", "+", StringComparison.Ordinal);

    private static ByteArrayContent Form(List<KeyValuePair<string, string>> fields, string extra) => Raw(Encoded(fields) + extra);

    private static ByteArrayContent Raw(string urlEncoded) => WithType(urlEncoded, FormType);

    private static ByteArrayContent WithType(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static string Multipart(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Concat(fields.Select(f => $"--cut-boundary\r\nContent-Disposition: form-data; name=\"{f.Key}\"\r\n\r\n{f.Value}\r\n")) + "--cut-boundary--\r\n";
}
