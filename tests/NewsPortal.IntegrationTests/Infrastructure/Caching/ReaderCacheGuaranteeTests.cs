namespace NewsPortal.IntegrationTests.Infrastructure.Caching;

/// <summary>
/// The reader cache's guarantees, each under the concurrency it claims to survive: a load that spans a change is
/// never served after it, a hot miss loads once, only changes readers can see invalidate, and the signal comes
/// after the commit.
/// </summary>
public sealed class ReaderCacheGuaranteeTests(InterceptedSite<SlugQueryGate> factory) : IClassFixture<InterceptedSite<SlugQueryGate>>
{

    private ReaderCache Cache => factory.Services.GetRequiredService<ReaderCache>();

    private Task<HttpResponseMessage> GetAsync(string url) => factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));

    [Fact]
    public async Task LoadInFlightDuringAnUnpublish_IsNeverServedAfterIt()
    {
        var article = await factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db));
        factory.Interceptor.Watch(article.Slug);

        // A reader's request starts loading the article and is held halfway through its load, having read the
        // article as published.
        var reached = factory.Interceptor.ArmAsync();
        var early = GetAsync($"/news/{article.Slug}");
        await reached.WaitAsync(TimeSpan.FromSeconds(30));

        // Meanwhile the newsroom unpublishes it (the site's own save path: load, change, SaveChanges).
        await factory.WithDbAsync(async db =>
        {
            var tracked = await db.Articles.SingleAsync(a => a.Id == article.Id);
            tracked.Status = ArticleStatus.Draft;
            await db.SaveChangesAsync();
        });

        // Readers arriving while the old load is still in flight do not join it.
        var during = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => GetAsync($"/news/{article.Slug}")));
        Assert.All(during, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));

        // The held load now finishes. Its own request began before the unpublish, so it may show the story (or not:
        // the held load is the slug's look-up, and the article's own load that follows it already runs after the
        // unpublish)...
        factory.Interceptor.Release();
        var earlyStatus = (await early).StatusCode;
        Assert.True(earlyStatus is HttpStatusCode.OK or HttpStatusCode.NotFound, $"The request held across the unpublish answered {(int)earlyStatus}.");

        // ...but what it loaded is never served to anyone after the unpublish.
        var after = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => GetAsync($"/news/{article.Slug}")));
        Assert.All(after, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
    }

    [Fact]
    public async Task HotMissRightAfterAnApproval_LoadsTheArticleOnce()
    {
        var article = await factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync($"/news/{article.Slug}")).StatusCode);
        await factory.WithDbAsync(db => StoredComments.AddAsync(db, article.Id, "Hot", "hot@example.com", "<p>Just approved.</p>", CommentStatus.Approved, DateTime.UtcNow));

        // 32 readers miss at once; the one load is held until the other 31 have joined it (the cache counts misses
        // that wait for a load already started), so none of them can have been served from a stored value.
        factory.Interceptor.Watch(article.Slug);
        var reached = factory.Interceptor.ArmAsync();
        var joinedBefore = Cache.JoinedLoadCount;
        var readers = Enumerable.Range(0, 32).Select(_ => GetAsync($"/news/{article.Slug}")).ToList();
        await reached.WaitAsync(TimeSpan.FromSeconds(30));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Cache.JoinedLoadCount - joinedBefore < 31)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Only {Cache.JoinedLoadCount - joinedBefore} of 31 readers joined the held load within 30 s.");
            await Task.Delay(20);
        }

        factory.Interceptor.Release();
        var pages = await Task.WhenAll(readers);

        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.StatusCode));
        Assert.All(await Task.WhenAll(pages.Select(p => p.Content.ReadAsStringAsync())), html => Assert.Contains("Just approved.", html, StringComparison.Ordinal));
        Assert.Equal(1, factory.Interceptor.Count);
    }

    [Fact]
    public async Task ModerationThatReadersCannotSee_InvalidatesNothing_AnApprovalDoes()
    {
        var article = await factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db));
        var ids = await factory.WithDbAsync(db => StoredComments.AddHeldAsync(db, article.Id, 2, "Held"));
        var admin = await factory.SignedInAsync(StaffSessions.AdminEmail);

        async Task ModerateAsync(int id, string action)
        {
            var (_, queue) = await Html.GetAsync(admin, "/admin/comments?status=pending");
            var form = queue.QuerySelector<IHtmlFormElement>($"form[action='/admin/comments/{id}/{action}']")!;
            Assert.Equal(HttpStatusCode.SeeOther, (await Html.SubmitAsync(admin, form)).StatusCode);
        }

        async Task<long> LoadsForReaderPagesAsync()
        {
            var before = Cache.LoadCount;
            foreach (var url in new[] { "/", $"/news/{article.Slug}", "/category/world", "/feed.xml" })
            {
                (await GetAsync(url)).EnsureSuccessStatusCode();
            }

            return Cache.LoadCount - before;
        }

        await LoadsForReaderPagesAsync();
        Assert.Equal(0, await LoadsForReaderPagesAsync());

        await ModerateAsync(ids[0], "spam");
        Assert.Equal(0, await LoadsForReaderPagesAsync());

        await ModerateAsync(ids[1], "approve");
        Assert.True(await LoadsForReaderPagesAsync() > 0, "an approval rebuilds the pages that show the comment");
        Assert.Contains("Held text 1.", await (await GetAsync($"/news/{article.Slug}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditedTimeAloneChangingOnAPublishedComment_IsShownOnTheNextRequest()
    {
        var article = await factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db));
        var id = await factory.WithDbAsync(async db =>
        {
            var comment = await StoredComments.AddAsync(
                db, article.Id, "Edited", "edited@example.com", "<p>Same text.</p>", CommentStatus.Approved, DateTime.UtcNow);
            return comment.Id;
        });
        Assert.DoesNotContain("comment-edited", await (await GetAsync($"/news/{article.Slug}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Readers see "Edited ..." under a comment; a save that changes only that must reach them too.
        await factory.WithDbAsync(async db =>
        {
            var comment = await db.Comments.SingleAsync(c => c.Id == id);
            comment.EditedAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
        });

        Assert.Contains("comment-edited", await (await GetAsync($"/news/{article.Slug}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ChangeInsideATransaction_IsSignalledOnlyWhenItCommits(bool commit)
    {
        var article = await factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var before = await Cache.CurrentAsync(CancellationToken.None);

        await StoredComments.AddAsync(db, article.Id, "Tx", "tx@example.com", "<p>In a transaction.</p>", CommentStatus.Approved, DateTime.UtcNow);
        Assert.Equal(before, await Cache.CurrentAsync(CancellationToken.None));

        if (commit)
        {
            await transaction.CommitAsync();
            Assert.NotEqual(before, await Cache.CurrentAsync(CancellationToken.None));
        }
        else
        {
            await transaction.RollbackAsync();
            Assert.Equal(before, await Cache.CurrentAsync(CancellationToken.None));
        }
    }
}
