namespace NewsPortal.IntegrationTests.Infrastructure.Caching;

/// <summary>The reader cache is never stale and never shared between visitors.</summary>
public sealed class ReaderCacheTests(ReaderCacheTests.Factory factory) : IClassFixture<ReaderCacheTests.Factory>
{
    private readonly Factory _factory = factory;

    public sealed class Factory : NewsPortalFactory
    {
        public Factory() => this.WithAdmin();
    }

    private async Task<string> CachedArticleAsync()
    {
        var slug = (await _factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        await _factory.CreateClient().GetAsync(new Uri($"/news/{slug}", UriKind.Relative));
        await _factory.CreateClient().GetAsync(new Uri("/", UriKind.Relative));
        return slug;
    }

    [Fact]
    public async Task Approval_IsVisibleOnTheVeryNextRequest()
    {
        var slug = await CachedArticleAsync();
        var reader = _factory.CreateNoRedirectClient();
        await ReaderComments.PostAsync(reader, slug, "Cache Reader", "cache@example.com", "Shown once approved.");
        var id = await _factory.WithDbAsync(db => db.Comments.Where(c => c.Article.Slug == slug).Select(c => c.Id).SingleAsync());

        // Warm the cache with the comment still held, then approve through the admin area.
        var (_, before) = await Html.GetAsync(_factory.CreateClient(), $"/news/{slug}");
        Assert.Empty(before.QuerySelectorAll("li.comment"));
        var admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        var (_, queue) = await Html.GetAsync(admin, "/admin/comments?status=pending");
        var approve = queue.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>($"form[action='/admin/comments/{id}/approve']")!;
        Assert.Equal(HttpStatusCode.SeeOther, (await Html.SubmitAsync(admin, approve)).StatusCode);

        var (_, after) = await Html.GetAsync(_factory.CreateClient(), $"/news/{slug}");
        Assert.Contains("Shown once approved.", after.QuerySelector($"#comment-{id}")!.TextContent, StringComparison.Ordinal);
        var (_, front) = await Html.GetAsync(_factory.CreateClient(), "/");
        var card = front.QuerySelectorAll("a.comment-count").FirstOrDefault(a => a.GetAttribute("href") == $"/news/{slug}#comments");
        Assert.NotNull(card);
    }

    [Fact]
    public async Task CachedPage_GivesEachVisitorTheirOwnTokenAndStamp()
    {
        var slug = await CachedArticleAsync();

        var (firstResponse, first) = await Html.GetAsync(_factory.CreateClient(), $"/news/{slug}");
        var (secondResponse, second) = await Html.GetAsync(_factory.CreateClient(), $"/news/{slug}");

        string Field(AngleSharp.Dom.IDocument d, string name) => d.QuerySelector($"#comments input[name='{name}']")!.GetAttribute("value")!;
        Assert.NotEqual(Field(first, "__RequestVerificationToken"), Field(second, "__RequestVerificationToken"));
        Assert.NotEqual(Field(first, "Stamp"), Field(second, "Stamp"));
        Assert.Contains(firstResponse.Headers.GetValues("Set-Cookie"), c => c.StartsWith("np_af=", StringComparison.Ordinal));
        Assert.Contains(secondResponse.Headers.GetValues("Set-Cookie"), c => c.StartsWith("np_af=", StringComparison.Ordinal));
        Assert.Contains("no-cache", firstResponse.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeldComment_OnACachedPage_IsVisibleOnlyToItsAuthor()
    {
        var slug = await CachedArticleAsync();
        var author = _factory.CreateClient();
        await ReaderComments.PostAsync(author, slug, "Private Polly", "polly@example.com", "Only Polly sees this.");

        var (_, own) = await Html.GetAsync(author, $"/news/{slug}");
        var (_, stranger) = await Html.GetAsync(_factory.CreateClient(), $"/news/{slug}");
        var (_, ownAgain) = await Html.GetAsync(author, $"/news/{slug}");
        Assert.Contains("Only Polly sees this.", own.QuerySelector("li.comment-held")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Only Polly sees this.", stranger.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(ownAgain.QuerySelector("li.comment-held"));
        Assert.DoesNotContain("Only Polly sees this.", stranger.QuerySelector("script[type='application/ld+json']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedInStaff_DoNotLeakIntoAReadersCachedPage()
    {
        var slug = await CachedArticleAsync();
        var admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        var staffView = await admin.GetStringAsync(new Uri($"/news/{slug}", UriKind.Relative));
        Assert.Contains("Sign out", staffView, StringComparison.Ordinal);

        var html = await _factory.CreateClient().GetStringAsync(new Uri($"/news/{slug}", UriKind.Relative));
        var staffAgain = await admin.GetStringAsync(new Uri($"/news/{slug}", UriKind.Relative));

        Assert.DoesNotContain(StaffSessions.AdminEmail, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign out", html, StringComparison.Ordinal);
        Assert.Contains("Sign out", staffAgain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnpublishedArticle_DisappearsFromCachedPagesAtOnce()
    {
        var slug = await CachedArticleAsync();
        var editor = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        var id = await _factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync());
        await _factory.CreateClient().GetAsync(new Uri($"/news/{slug}", UriKind.Relative));

        var (_, form) = await Html.GetAsync(editor, $"/admin/articles/{id}/edit");
        var fields = Html.FormValues(form.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form.article-editor")!);
        fields.Add(new("intent", "unpublish"));
        await Html.PostAsync(editor, $"/admin/articles/{id}/edit", fields);

        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClient().GetAsync(new Uri($"/news/{slug}", UriKind.Relative))).StatusCode);
        var (_, front) = await Html.GetAsync(_factory.CreateClient(), "/");
        Assert.DoesNotContain(Html.Links(front, "/news/"), l => l.StartsWith($"/news/{slug}", StringComparison.Ordinal));
    }
}

public sealed class ScheduledCacheTests
{
    [Fact]
    public async Task ScheduledArticle_AppearsOnCachedListsWhenItsTimeComes()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new NewsPortalFactory { Time = clock };
        var scheduled = await factory.WithDbAsync(db => new ArticleBuilder().InCategory("world").ScheduledFor(clock.GetUtcNow().UtcDateTime.AddMinutes(30)).SaveAsync(db));
        var client = factory.CreateClient();
        var (_, before) = await Html.GetAsync(client, "/category/world");
        Assert.DoesNotContain(Html.Links(before, "/news/"), l => l == $"/news/{scheduled.Slug}");

        clock.Advance(TimeSpan.FromMinutes(31));

        var (_, after) = await Html.GetAsync(client, "/category/world");
        Assert.Contains($"/news/{scheduled.Slug}", Html.Links(after, "/news/"));
        Assert.Equal(ArticleStatus.Scheduled, scheduled.Status);
    }
}
