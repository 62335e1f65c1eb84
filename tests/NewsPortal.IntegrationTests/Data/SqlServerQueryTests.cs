namespace NewsPortal.IntegrationTests.Data;

/// <summary>Every query the reader's site runs, translated by the SQL Server provider: every page is requested on Database:Provider=SqlServer with no server behind it, and each command EF sends is parsed as T-SQL. A query that SQL Server could not translate fails the request.</summary>
public sealed class SqlServerQueryTests(SqlServerQueryTestBase.SqlServerFactory factory) : SqlServerQueryTestBase(factory), IClassFixture<SqlServerQueryTestBase.SqlServerFactory>
{
    [Fact]
    public async Task EveryReaderPage_TranslatesToValidTSql()
    {
        var client = _factory.CreateClient();
        string[] pages =
        [
            "/", "/?page=2", "/news/x", "/news/x?replyto=1", "/category/x", "/category/x?page=2", "/tag/x",
            "/search?q=harbour+tram", "/search?q=%22harbour+lights%22+harb*&section=x&from=2026-01-01&to=2026-12-31&page=3",
            "/search?q=%22%2A%5E%3ANEAR(%7B%7D", "/author/x", "/author/x?page=2", "/feed.xml", "/sitemap.xml", "/healthz/ready", "/no-such-page",
            "/2025/03/14/an-old-permalink/", "/?p=12", "/category/x/",
        ];

        foreach (var page in pages)
        {
            var response = await client.GetAsync(new Uri(page, UriKind.Relative));
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{page}: {(int)response.StatusCode}");
        }

        var post = await ReaderComments.PostAsync(client, "x", "Ada", "ada@example.com", "A comment that goes through every rule.");
        Assert.True((int)post.StatusCode < 500, $"Comment post: {(int)post.StatusCode}");

        var commands = _factory.Capture.Commands.Distinct().ToList();
        Assert.True(commands.Count >= 12, $"Only {commands.Count} distinct commands were captured.");
        TSql.AssertValid(commands);
    }

    [Fact]
    public async Task EveryStaffListQuery_TranslatesToValidTSql()
    {
        // The staff pages need a signed-in user, whom a database without a server cannot hold; their services are
        // called directly with every filter the pages offer instead. The counts are cached per instance: forget them,
        // or whichever test ran first would have counted already.
        _factory.Services.GetRequiredService<CommentCounts>().Forget();
        _factory.Capture.Commands.Clear();
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var moderation = scope.ServiceProvider.GetRequiredService<ModerationQueue>();
            var editor = scope.ServiceProvider.GetRequiredService<ArticleEditorService>();
            await moderation.DashboardAsync(CancellationToken.None);
            foreach (var query in new[]
                     {
                         QueueQuery.From("pending", null, null, null, 1, null),
                         QueueQuery.From("approved", null, null, "oldest", 500, null),
                         QueueQuery.From("approved", "great", null, null, 3, null),
                         QueueQuery.From("spam", null, 7, null, 2, 50),
                     })
            {
                await moderation.QueueAsync(query, CancellationToken.None);
            }

            await moderation.DetailAsync(1, CancellationToken.None);
            var list = scope.ServiceProvider.GetRequiredService<ArticleList>();
            await list.ListAsync(null, null, 200, CancellationToken.None);
            await list.ListAsync(ArticleStatus.Draft, "quarry", 1, CancellationToken.None);
        }

        var commands = _factory.Capture.Commands.Distinct().ToList();
        Assert.Contains(commands, c => c.Contains("[ListedAt]", StringComparison.Ordinal) && c.Contains("OFFSET", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("GROUP BY [c].[Status]", StringComparison.Ordinal));
        TSql.AssertValid(commands);
    }

    /// <summary>
    /// The search index on SQL Server: reader search (CONTAINSTABLE), the moderation queue and the newsroom list
    /// (CONTAINS through composed LINQ), and the writes that keep the index in step with a save, all valid T-SQL.
    /// </summary>
    [Fact]
    public async Task SearchIndexQueriesAndWrites_AreValidTSql()
    {
        var client = _factory.CreateClient();
        await client.GetAsync(new Uri("/search?q=%22sea+wall%22+harb*&section=x&from=2026-01-01", UriKind.Relative));
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var moderation = scope.ServiceProvider.GetRequiredService<NewsPortal.Web.Features.AdminComments.ModerationQueue>();
            await moderation.QueueAsync(NewsPortal.Web.Features.AdminComments.QueueQuery.From("approved", "great \"sea wall\"", null, null, 1, 20), CancellationToken.None);
            await moderation.QueueAsync(NewsPortal.Web.Features.AdminComments.QueueQuery.From("pending", "10.0.3", 7, "oldest", 2, 20), CancellationToken.None);
            var newsroom = scope.ServiceProvider.GetRequiredService<NewsPortal.Web.Features.AdminArticles.ArticleList>();
            await newsroom.ListAsync(null, "quarry", 1, CancellationToken.None);
            await newsroom.ListAsync(ArticleStatus.Published, "\"sea wall\" harb*", 2, CancellationToken.None);
        }

        // The writes the save interceptor makes before each commit, and the start-up catch-up, on the same writer.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var writer = SearchIndexInterceptor.WriterFor(scope.ServiceProvider.GetRequiredService<NewsDbContext>());
            await writer.RefreshArticlesAsync([1, 2], CancellationToken.None);
            await writer.RefreshCommentsAsync([1, 2], CancellationToken.None);
            await writer.ArticlesOfAsync("TagId", [1], CancellationToken.None);
            await writer.ArticlesOfAsync("CategoryId", [1], CancellationToken.None);
            await writer.CatchUpAsync(CancellationToken.None);
        }

        var commands = _factory.Capture.Commands.Distinct().ToList();
        Assert.Contains(commands, c => c.Contains("CONTAINSTABLE(ArticleSearch", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("CONTAINS(Body,", StringComparison.Ordinal) && c.Contains("CONTAINS((Name, Email, Ip),", StringComparison.Ordinal)
            && c.Contains("ORDER BY c.Id DESC OFFSET", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("CONTAINS((Name, Email, Ip),", StringComparison.Ordinal) && c.Contains("c.ArticleId", StringComparison.Ordinal)
            && c.StartsWith("SELECT COUNT(*) AS Value FROM (SELECT TOP (", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("FROM ArticleSearch WHERE CONTAINS(", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("INSERT INTO CommentSearch (CommentId, Body)", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("INSERT INTO CommentAuthorSearch (CommentId, Name, Email, Ip)", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("INSERT INTO ArticleSearch (ArticleId, Headline", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("DELETE FROM ArticleSearch WHERE ArticleId IN", StringComparison.Ordinal));
        // The catch-up: missing rows found by NOT EXISTS, each batch re-checked under an application lock owned by its transaction.
        Assert.Contains(commands, c => c.StartsWith("SELECT TOP (10000) t.Id FROM Comments t WHERE t.Id > @p0 AND NOT EXISTS (SELECT 1 FROM CommentSearch s WHERE s.CommentId = t.Id)", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("SELECT t.Id FROM Articles t WHERE t.Id IN (@p0) AND NOT EXISTS (SELECT 1 FROM ArticleSearch s WHERE s.ArticleId = t.Id)", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("EXEC @granted = sp_getapplock @Resource = @p0, @LockMode = 'Exclusive', @LockOwner = 'Transaction'", StringComparison.Ordinal));
        TSql.AssertValid(commands.Where(c => c.Contains("Search", StringComparison.Ordinal) || c.Contains("sp_getapplock", StringComparison.Ordinal)));
    }

    /// <summary>Sections and bylines: their newsroom pages' reads and writes, and the article editor's co-authors.</summary>
    [Fact]
    public async Task SectionsAndBylinesQueries_AreValidTSql()
    {
        _factory.Capture.Commands.Clear();
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var sections = scope.ServiceProvider.GetRequiredService<NewsPortal.Web.Features.AdminSections.SectionAdmin>();
            await sections.ListAsync(null, CancellationToken.None);
            await sections.EditAsync(1, null, CancellationToken.None);
            await sections.CreateAsync(new() { Name = "Transport", Description = "Roads and rail." }, CancellationToken.None);
            await sections.UpdateAsync(1, new() { Name = "Transport", Slug = "transport-news", Stamp = "stale" }, CancellationToken.None);
            await sections.MoveAsync(1, up: true, CancellationToken.None);
            await sections.DeletionAsync(1, null, CancellationToken.None);
            await sections.DeleteAsync(1, new() { MoveToId = 2 }, CancellationToken.None);

            // The rest run only when an earlier query finds nothing, which the server stand-in never answers.
            await sections.UsedBeforeAsync(1, "transport", CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            await NewsPortal.Web.Features.Listings.ListingService.MovedTo(db, "old-section").FirstOrDefaultAsync();
            await NewsPortal.Web.Features.Authors.AuthorPageService.MovedTo(db, "old-byline").FirstOrDefaultAsync();
        }

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var bylines = scope.ServiceProvider.GetRequiredService<NewsPortal.Web.Features.AdminBylines.BylineAdmin>();
            await bylines.ListAsync(CancellationToken.None);
            await bylines.NewAsync(null, CancellationToken.None);
            await bylines.EditAsync(1, null, CancellationToken.None);
            await bylines.CreateAsync(new() { Name = "Ana Ruiz", PhotoMediaItemId = 1, StaffUserId = "u1", Links = "https://ana.example/" }, CancellationToken.None);
            await bylines.RetireAsync(1, retired: true, CancellationToken.None);
            await bylines.DeletionAsync(1, CancellationToken.None);
            await bylines.DeleteAsync(1, CancellationToken.None);
            await bylines.UsedBeforeAsync(1, "ana-ruiz", CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<ArticleEditorPages>().EditAsync(1, CancellationToken.None);
            var editor = scope.ServiceProvider.GetRequiredService<ArticleEditorService>();
            await editor.SaveAsync(1, new ArticleForm { Headline = "H", Standfirst = "S", BodyHtml = "<p>B</p>", CategoryId = 1, AuthorId = 1, CoAuthorIds = [2, 3] }, ArticleIntent.SaveDraft, new ArticleActor("user-1", "Ana", IsReporterOnly: false), CancellationToken.None);
        }

        var commands = _factory.Capture.Commands.Distinct().ToList();
        Assert.Contains(commands, c => c.Contains("[CategorySlugRedirects]", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("[AuthorSlugRedirects]", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("[ArticleCoAuthors]", StringComparison.Ordinal));
        TSql.AssertValid(commands);
    }
}
