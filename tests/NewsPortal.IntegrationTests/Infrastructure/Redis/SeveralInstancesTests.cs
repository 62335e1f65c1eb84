using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.TestSupport;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Infrastructure.Redis;

/// <summary>
/// Two instances of the site on one database file, sharing a real redis-server: what one instance changes, the
/// other serves within <c>Cache:SyncMilliseconds</c> (plus one Redis read); one client's limit holds across both;
/// losing Redis degrades, never breaks. (Lost messages are in <see cref="Caching.ReaderCacheSyncTests"/>; the same, as
/// published processes behind nginx, is in NewsPortal.TopologyTests.)
/// </summary>
public sealed class SeveralInstancesTests : IClassFixture<SeveralInstancesTests.TwoInstances>
{
    private readonly TwoInstances _site;

    public SeveralInstancesTests(TwoInstances site)
    {
        RedisServer.Require();
        _site = site;
    }

    public sealed class TwoInstances : IAsyncLifetime
    {
        public RedisServer Redis { get; } = new();

        public NewsPortalFactory A { get; private set; } = null!;

        public NewsPortalFactory B { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            await Redis.InitializeAsync();
            var database = Path.Combine(Path.GetTempPath(), $"newsportal-two-{Guid.NewGuid():N}.db");
            A = Instance(database);
            _ = A.Server; // A migrates and seeds the shared file first.
            B = Instance(database);
            _ = B.Server;
        }

        private NewsPortalFactory Instance(string database)
        {
            var factory = new NewsPortalFactory { DatabasePath = database };
            factory.Settings["ConnectionStrings:Redis"] = Redis.ConnectionString;
            factory.Settings["Comments:PostsPerMinutePerIp"] = "3";
            factory.Settings["SignIn:AttemptsPerMinutePerIp"] = "3";
            factory.Settings["SignIn:AttemptsPerQuarterHourPerAccount"] = "3";
            return factory;
        }

        public async ValueTask DisposeAsync()
        {
            await B.DisposeAsync();
            await A.DisposeAsync();
            await Redis.DisposeAsync();
        }
    }

    private static async Task<string> GetHtmlAsync(NewsPortalFactory instance, string url)
    {
        var response = await instance.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<HttpStatusCode> PostCommentAsync(NewsPortalFactory instance, string slug, string clientAddress, string body)
    {
        var client = instance.CreateNoRedirectClient();
        client.DefaultRequestHeaders.Add(NewsPortalFactory.PeerHeader, clientAddress);
        var (_, page) = await Html.GetAsync(client, $"/news/{slug}");
        var response = await Html.SubmitAsync(client, Html.CommentForm(page), new Dictionary<string, string>
        {
            ["Name"] = "Two Instances",
            ["Email"] = $"{Guid.NewGuid():N}@example.com",
            ["Body"] = body,
        });
        return response.StatusCode;
    }

    private static async Task<string> ReadyAsync(NewsPortalFactory instance) =>
        await (await instance.CreateClient().GetAsync(new Uri("/healthz/ready", UriKind.Relative))).Content.ReadAsStringAsync();

    /// <summary>The default <c>Cache:SyncMilliseconds</c> plus one Redis command's timeout, three times over for a busy machine.</summary>
    private static readonly TimeSpan SyncDeadline = 3 * (TimeSpan.FromMilliseconds(1000) + TimeSpan.FromSeconds(1));

    /// <summary>Asks until <paramref name="served"/> holds for the page; fails with what the page still showed.</summary>
    private static async Task ServedWithinSyncBoundAsync(NewsPortalFactory instance, string url, Func<string, bool> served, string what)
    {
        var deadline = DateTime.UtcNow + SyncDeadline;
        while (true)
        {
            var html = await GetHtmlAsync(instance, url);
            if (served(html))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{url} did not show {what} within {SyncDeadline.TotalSeconds:0} s; it still served:\n{html[..Math.Min(html.Length, 2000)]}");
            await Task.Delay(50);
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(100);
        }
    }

    private async Task<Article> PublishedArticleAsync() => await _site.A.WithDbAsync(db => new ArticleBuilder().SaveAsync(db));

    [Fact]
    public async Task ApprovalOnA_IsServedByBWithinTheSyncBound()
    {
        var article = await PublishedArticleAsync();
        var id = await _site.A.WithDbAsync(async db =>
        {
            var comment = new Comment
            {
                ArticleId = article.Id,
                AuthorName = "Held",
                AuthorEmail = "held@example.com",
                BodyHtml = "<p>Approved on A, read on B.</p>",
                Status = CommentStatus.Pending,
                CreatedAt = DateTime.UtcNow,
            };
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            return comment.Id;
        });

        // B caches the page without the comment.
        Assert.DoesNotContain("Approved on A, read on B.", await GetHtmlAsync(_site.B, $"/news/{article.Slug}"), StringComparison.Ordinal);
        Assert.DoesNotContain("Approved on A, read on B.", await GetHtmlAsync(_site.B, $"/news/{article.Slug}"), StringComparison.Ordinal);

        // A approves (its own save path); B shows it within the bound (at once when the message arrives).
        await _site.A.WithDbAsync(async db =>
        {
            var comment = await db.Comments.SingleAsync(c => c.Id == id);
            comment.Status = CommentStatus.Approved;
            await db.SaveChangesAsync();
        });
        await ServedWithinSyncBoundAsync(
            _site.B, $"/news/{article.Slug}", html => html.Contains("Approved on A, read on B.", StringComparison.Ordinal), "the comment approved on A");
    }

    [Fact]
    public async Task UnpublishOnB_DropsTheStoryFromAsFrontSectionAndFeedWithinTheSyncBound()
    {
        var article = await PublishedArticleAsync();
        string[] pages = ["/", "/category/world", "/feed.xml"];
        foreach (var page in pages)
        {
            Assert.Contains(article.Slug, await GetHtmlAsync(_site.A, page), StringComparison.Ordinal);
        }

        await _site.B.WithDbAsync(async db =>
        {
            var tracked = await db.Articles.SingleAsync(a => a.Id == article.Id);
            tracked.Status = ArticleStatus.Draft;
            await db.SaveChangesAsync();
        });

        foreach (var page in pages)
        {
            await ServedWithinSyncBoundAsync(_site.A, page, html => !html.Contains(article.Slug, StringComparison.Ordinal), "the story gone");
        }
    }

    [Fact]
    public async Task CommentForm_RenderedByA_IsAcceptedByB()
    {
        var article = await PublishedArticleAsync();
        var onA = _site.A.CreateNoRedirectClient();
        onA.DefaultRequestHeaders.Add(NewsPortalFactory.PeerHeader, "203.0.113.71");
        var (page, document) = await Html.GetAsync(onA, $"/news/{article.Slug}");
        var form = Html.CommentForm(document);
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("np_af=", StringComparison.Ordinal)).Split(';')[0];

        var onB = _site.B.CreateNoRedirectClient();
        onB.DefaultRequestHeaders.Add(NewsPortalFactory.PeerHeader, "203.0.113.71");
        onB.DefaultRequestHeaders.Add("Cookie", cookie);
        var posted = await Html.PostAsync(onB, Html.ActionOf(form), Html.FormValues(form, new Dictionary<string, string>
        {
            ["Name"] = "Two Instances",
            ["Email"] = "a-to-b@example.com",
            ["Body"] = "Rendered by A, posted to B.",
        }));

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Equal(1, await _site.B.WithDbAsync(db => db.Comments.CountAsync(c => c.ArticleId == article.Id)));
    }

    [Fact]
    public async Task OneClientsCommentLimit_HoldsAcrossBothInstances()
    {
        var slug = (await PublishedArticleAsync()).Slug;
        const string Reader = "198.51.100.71";

        // Three a minute in all: two on A, one on B, then neither takes a fourth. Another reader is unaffected.
        Assert.Equal(HttpStatusCode.SeeOther, await PostCommentAsync(_site.A, slug, Reader, "First, on A."));
        Assert.Equal(HttpStatusCode.SeeOther, await PostCommentAsync(_site.B, slug, Reader, "Second, on B."));
        Assert.Equal(HttpStatusCode.SeeOther, await PostCommentAsync(_site.A, slug, Reader, "Third, on A."));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostCommentAsync(_site.B, slug, Reader, "Fourth, on B."));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostCommentAsync(_site.A, slug, Reader, "Fifth, on A."));
        Assert.Equal(HttpStatusCode.SeeOther, await PostCommentAsync(_site.B, slug, "198.51.100.72", "Someone else, on B."));
    }

    private static async Task<HttpStatusCode> SignInAsync(NewsPortalFactory instance, string clientAddress, string email)
    {
        var client = instance.CreateNoRedirectClient();
        client.DefaultRequestHeaders.Add(NewsPortalFactory.PeerHeader, clientAddress);
        var (_, page) = await Html.GetAsync(client, "/account/login");
        var form = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!;
        var response = await Html.SubmitAsync(client, form, new Dictionary<string, string> { ["Email"] = email, ["Password"] = "not a real password" });
        return response.StatusCode;
    }

    [Fact]
    public async Task OneAccountsSignInLimit_HoldsAcrossBothInstancesAndClients()
    {
        var email = $"sprayed-{Guid.NewGuid():N}@example.com";

        // Three attempts for the address in a quarter of an hour, from three clients through two instances; then 429 on either.
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(_site.A, "198.51.100.81", email));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(_site.B, "198.51.100.82", email));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(_site.A, "198.51.100.83", email));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(_site.B, "198.51.100.84", email));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(_site.A, "198.51.100.85", email));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(_site.B, "198.51.100.86", $"other-{Guid.NewGuid():N}@example.com"));
    }

    [Fact]
    public async Task OneClientsSignInLimit_HoldsAcrossBothInstances()
    {
        Task<HttpStatusCode> SignInAsync(NewsPortalFactory instance, string clientAddress) =>
            SeveralInstancesTests.SignInAsync(instance, clientAddress, $"nobody-{Guid.NewGuid():N}@example.com");

        const string Sprayer = "198.51.100.91";

        // Three attempts a minute in all (each a friendly "does not match" page), then 429 with Retry-After on either.
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(_site.A, Sprayer));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(_site.B, Sprayer));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(_site.A, Sprayer));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(_site.B, Sprayer));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(_site.A, Sprayer));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(_site.B, "198.51.100.92"));
    }

    [Fact]
    public async Task RedisAway_ReadersAndPostersAreServed_ThenEverythingReconnects()
    {
        var article = await PublishedArticleAsync();
        await WaitUntilAsync(async () => (await ReadyAsync(_site.A)).Contains("Healthy", StringComparison.Ordinal), "A is connected to Redis");
        await _site.Redis.StopAsync();
        try
        {
            await WaitUntilAsync(async () => (await ReadyAsync(_site.A)).Contains("Degraded", StringComparison.Ordinal), "A reports Redis degraded");
            await WaitUntilAsync(async () => (await ReadyAsync(_site.B)).Contains("Degraded", StringComparison.Ordinal), "B reports Redis degraded");

            // Readers are served by both, and posting works with a per-instance limit.
            foreach (var instance in new[] { _site.A, _site.B })
            {
                foreach (var page in new[] { "/", $"/news/{article.Slug}", "/category/world", "/feed.xml" })
                {
                    await GetHtmlAsync(instance, page);
                }
            }

            const string Reader = "198.51.100.81";
            for (var i = 1; i <= 3; i++)
            {
                Assert.Equal(HttpStatusCode.SeeOther, await PostCommentAsync(_site.A, article.Slug, Reader, $"Posted while Redis is away, {i}."));
            }

            Assert.Equal(HttpStatusCode.TooManyRequests, await PostCommentAsync(_site.A, article.Slug, Reader, "One too many on A."));
            Assert.Equal(3, await _site.A.WithDbAsync(db => db.Comments.CountAsync(c => c.BodyHtml.Contains("Posted while Redis is away"))));
        }
        finally
        {
            await _site.Redis.StartAsync();
        }

        await WaitUntilAsync(async () => (await ReadyAsync(_site.A)).Contains("Healthy", StringComparison.Ordinal), "A reconnects to Redis");
        await WaitUntilAsync(async () => (await ReadyAsync(_site.B)).Contains("Healthy", StringComparison.Ordinal), "B reconnects to Redis");

        // In step again (Healthy says B reads the shared versions): a change on A is served by B within the bound.
        Assert.Contains(article.Headline, await GetHtmlAsync(_site.B, "/"), StringComparison.Ordinal);
        await _site.A.WithDbAsync(async db =>
        {
            var tracked = await db.Articles.SingleAsync(a => a.Id == article.Id);
            tracked.Headline = "Headline changed after Redis came back";
            await db.SaveChangesAsync();
        });
        await ServedWithinSyncBoundAsync(
            _site.B, "/", html => html.Contains("Headline changed after Redis came back", StringComparison.Ordinal), "the headline changed on A");
    }
}
