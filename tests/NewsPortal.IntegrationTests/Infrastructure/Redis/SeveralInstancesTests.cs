namespace NewsPortal.IntegrationTests.Infrastructure.Redis;

/// <summary>Two instances on one database and one Redis: what one changes the other serves within the sync bound, a form one renders the other accepts, and both ride out Redis going away.</summary>
public sealed class SeveralInstancesTests(SeveralInstancesTestBase.TwoInstances site) : SeveralInstancesTestBase(site), IClassFixture<SeveralInstancesTestBase.TwoInstances>
{
    [Fact]
    public async Task ApprovalOnA_IsServedByBWithinTheSyncBound()
    {
        var article = await PublishedArticleAsync();
        var id = await _site.A.WithDbAsync(async db =>
        {
            var comment = await StoredComments.AddAsync(
                db, article.Id, "Held", "held@example.com", "<p>Approved on A, read on B.</p>", CommentStatus.Pending, DateTime.UtcNow);
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
