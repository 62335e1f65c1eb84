namespace NewsPortal.IntegrationTests.Features.WordPressImport;

/// <summary>
/// Each fixture is one pitfall class of real WordPress exports. They are imported through the command line (the
/// published entry point, as a process, on a SQLite file), then the site is started on that file and read as readers
/// and moderators read it.
/// </summary>
public sealed class WordPressImportTests : IDisposable
{
    private static readonly string[] GoodFixtures =
    [
        "classic-content", "block-content", "split-cdata", "control-characters", "replies-before-parents",
        "non-ascii-slugs", "serialized-postmeta", "two-categories", "closed-comments", "statuses",
    ];

    private readonly NewsPortalFactory _factory = new NewsPortalFactory().WithAdmin();

    public WordPressImportTests()
    {
        _factory.Settings["Seed:SampleContent"] = "false";
        _factory.Settings["Content:ImageOrigins:0"] = "https://old.example.com";
        // The fixtures' comments are from 2025; the privacy retention job would clear their addresses at start.
        _factory.Settings["Privacy:RetainClientDataDays"] = "3650";
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Import_EveryFixture_ReadersSeeWhatWordPressReadersSaw()
    {
        foreach (var fixture in GoodFixtures)
        {
            var (code, output, error) = await ImportAsync(Fixture(fixture));
            Assert.True(code == 0, $"{fixture}: exit {code}\n{output}\n{error}");
        }

        var client = _factory.CreateNoRedirectClient();

        var classic = await ReadAsync(client, "/news/council-budget");
        Assert.All(
            [
                "<p>The council met on Tuesday.<br>",
                "<figcaption>The town hall at dawn</figcaption>",
                "src=\"https://old.example.com/wp-content/uploads/2025/03/hall-300x200.jpg\"",
                "data-embed=\"youtube\" data-id=\"dQw4w9WgXcQ\"",
                "<p>Noted inside a shortcode</p>",
                "As quoted [sic] in the minutes.",
                "line one\n\nline two</pre>",
                "Council &amp; the budget",
            ],
            markup => Assert.Contains(markup, classic, StringComparison.Ordinal));
        foreach (var markup in new[] { "[caption", "[/caption]", "[contact-form-7", "[su_note", "alert(1)", "&amp;amp;" })
        {
            Assert.DoesNotContain(markup, classic, StringComparison.Ordinal);
        }

        var blocks = await ReadAsync(client, "/news/blocks-arrive");
        Assert.Contains("<h2>A heading</h2>", blocks, StringComparison.Ordinal);
        Assert.Contains("data-embed=\"vimeo\" data-id=\"76979871\"", blocks, StringComparison.Ordinal);
        Assert.DoesNotContain("wp:paragraph", blocks, StringComparison.Ordinal);
        Assert.DoesNotContain("wp-block-embed", blocks, StringComparison.Ordinal);

        Assert.Contains("a[b[0]]&gt; and goes on.", await ReadAsync(client, "/news/brackets-survive"), StringComparison.Ordinal);
        var pasted = await ReadAsync(client, "/news/pasted-from-word");
        Assert.Contains("Smart text with controls removed.", pasted, StringComparison.Ordinal);

        // Replies written before their parents in the file still sit under them, three levels deep.
        var thread = await ReadAsync(client, "/news/threads-any-order");
        var top = thread.IndexOf("Top level comment", StringComparison.Ordinal);
        var second = thread.IndexOf("Second level reply", StringComparison.Ordinal);
        var third = thread.IndexOf("Third level reply", StringComparison.Ordinal);
        Assert.True(top > 0 && second > top && third > second, $"thread order: {top}, {second}, {third}");
        Assert.DoesNotContain("Waiting for a moderator", thread, StringComparison.Ordinal);
        Assert.DoesNotContain("Binned", thread, StringComparison.Ordinal);
        Assert.DoesNotContain("Pinged you", thread, StringComparison.Ordinal);
        await _factory.WithDbAsync(async db =>
        {
            var comments = await db.Comments.Where(c => c.Article.Slug == "threads-any-order").ToListAsync();
            var byBody = comments.ToDictionary(c => System.Text.RegularExpressions.Regex.Replace(c.BodyHtml, "<[^>]+>", string.Empty).Trim());
            Assert.Equal(byBody["Second level reply"].Id, byBody["Third level reply"].ParentId);
            Assert.Equal(byBody["Top level comment"].Id, byBody["Second level reply"].ParentId);
            Assert.Equal(CommentStatus.Pending, byBody["Waiting for a moderator"].Status);
            Assert.Equal(CommentStatus.Trash, byBody["Binned"].Status);
            Assert.Equal("203.0.113.4", byBody["Waiting for a moderator"].IpAddress);
            Assert.Equal("reader@example.net", byBody["Waiting for a moderator"].AuthorEmail);
        });

        var staff = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        var queue = await staff.GetStringAsync("/admin/comments?status=pending");
        Assert.Contains("Waiting for a moderator", queue, StringComparison.Ordinal);
        Assert.Contains("Binned", await staff.GetStringAsync("/admin/comments?status=trash"), StringComparison.Ordinal);

        // Non-ASCII slugs, percent-encoded in the export: a tag keeps its own, an article's follows the editor's ASCII rule.
        Assert.Contains("Non-ASCII all the way.", await ReadAsync(client, "/news/cafe-societe"), StringComparison.Ordinal);
        Assert.Contains("href=\"/news/cafe-societe\"", await ReadAsync(client, "/tag/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8"), StringComparison.Ordinal);

        // The featured image (a serialized _thumbnail_id) is the hero, with the attachment's alt text.
        var featured = await ReadAsync(client, "/news/featured-image");
        Assert.Contains("https://old.example.com/wp-content/uploads/2025/03/hall.jpg", featured, StringComparison.Ordinal);
        Assert.Contains("alt=\"The town hall\"", featured, StringComparison.Ordinal);

        // Two categories: the first is the section, the second a tag.
        Assert.Contains("Budget and markets", await ReadAsync(client, "/category/economy"), StringComparison.Ordinal);
        Assert.Contains("Budget and markets", await ReadAsync(client, "/tag/politics"), StringComparison.Ordinal);
        Assert.Contains("Budget and markets", await ReadAsync(client, "/tag/markets"), StringComparison.Ordinal);
        Assert.DoesNotContain("Budget and markets", await ReadAsync(client, "/category/politics"), StringComparison.Ordinal);

        var closed = await ReadAsync(client, "/news/closed-for-comment");
        Assert.Contains("Said before closing", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Body\"", closed, StringComparison.Ordinal);
        Assert.Contains("name=\"Body\"", thread, StringComparison.Ordinal);

        foreach (var hidden in new[] { "/news/still-a-draft", "/news/coming-soon", "/news/binned-post", "/news/about" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(hidden)).StatusCode);
        }

        await _factory.WithDbAsync(async db =>
        {
            Assert.Equal(ArticleStatus.Draft, await db.Articles.Where(a => a.Slug == "still-a-draft").Select(a => a.Status).SingleAsync());
            var scheduled = await db.Articles.SingleAsync(a => a.Slug == "coming-soon");
            Assert.Equal((ArticleStatus.Scheduled, new DateTime(2031, 1, 1, 8, 0, 0)), (scheduled.Status, scheduled.PublishedAt!.Value));
            Assert.Equal(new DateTime(2025, 3, 14, 9, 30, 0), await db.Articles.Where(a => a.Slug == "council-budget").Select(a => a.PublishedAt).SingleAsync());
            Assert.False(await db.Articles.AnyAsync(a => a.Slug == "binned-post" || a.Slug == "about"));
            Assert.Equal("Jane Doe", await db.Authors.Select(a => a.Name).SingleAsync());
            Assert.Equal("Politics & Power", await db.Categories.Where(c => c.Slug == "politics").Select(c => c.Name).SingleAsync());
        });

        // The comment count on the front page's cards and the article page agree with what readers can see.
        Assert.Contains("3 comments", thread, StringComparison.OrdinalIgnoreCase);

        // Saved through the site's own context, so the search index has them.
        Assert.Contains("href=\"/news/council-budget\"", await ReadAsync(client, "/search?q=council"), StringComparison.Ordinal);

        // Old addresses answer 301 to their new homes.
        await AssertMovedAsync(client, "/2025/03/14/council-budget/", "/news/council-budget");
        await AssertMovedAsync(client, "/2025/03/14/council-budget", "/news/council-budget");
        await AssertMovedAsync(client, "/?p=101", "/news/council-budget");
        await AssertMovedAsync(client, "/2025/03/14/caf%c3%a9-soci%c3%a9t%c3%a9/", "/news/cafe-societe");
        await AssertMovedAsync(client, "/2025/03/14/CAF%C3%89-SOCI%C3%89T%C3%89", "/news/cafe-societe");
        await AssertMovedAsync(client, "/category/politics/", "/category/politics");
        await AssertMovedAsync(client, "/tag/%d0%bd%d0%be%d0%b2%d0%be%d1%81%d1%82%d0%b8/", "/tag/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8");
        await AssertMovedAsync(client, "/author/jdoe/", "/author/jdoe");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/author/jdoe")).StatusCode);
        await AssertMovedAsync(client, "/feed/", "/feed.xml");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/category/politics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/2025/03/14/never-existed/")).StatusCode);
    }

    /// <summary>
    /// Through the importer the command runs (twenty starts of the command would cost minutes; a second run of the
    /// command itself on what the first wrote is <see cref="ImportInterruptTests"/>).
    /// </summary>
    [Fact]
    public async Task Import_SameExportTwice_SecondRunAddsAndChangesNothing()
    {
        var importer = _factory.Services.GetRequiredService<ImportWordPressExport>();
        foreach (var fixture in GoodFixtures)
        {
            await importer.RunAsync(new ImportRequest(Fixture(fixture)), null, CancellationToken.None);
        }

        var before = await SnapshotAsync();
        Assert.NotEqual(0, await _factory.WithDbAsync(db => db.Articles.CountAsync()));
        foreach (var fixture in GoodFixtures)
        {
            var again = await importer.RunAsync(new ImportRequest(Fixture(fixture)), null, CancellationToken.None);
            Assert.True(again.Imported("posts") == 0 && again.Imported("comments") == 0, $"{fixture}, the second time:\n{again}");
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Import_DryRun_ReportsAndWritesNothing()
    {
        var (code, output, _) = await ImportAsync(Fixture("replies-before-parents"), "--dry-run");
        Assert.Equal(0, code);
        Assert.Contains("Dry run: nothing was written.", output, StringComparison.Ordinal);
        Assert.Contains("comments: would import 5, skipped 1 (pingbacks)", output, StringComparison.Ordinal);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Theory]
    [InlineData("malformed", "not well-formed XML", "(line 16, column")]
    [InlineData("not-wxr", "not a WordPress export", "(line 2, column")]
    [InlineData("with-dtd", "DTD is prohibited", "")]
    [InlineData("missing", "does not exist", "")]
    public async Task Import_FileItCannotRead_ExitsNonZeroSayingWhereAndImportsNothing(string fixture, string reason, string where)
    {
        var (code, _, error) = await ImportAsync(Fixture(fixture));
        Assert.Equal(1, code);
        Assert.Contains("nothing was imported", error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Contains(where, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Import_KilledAfterOneBatch_RunAgainFinishesWithoutDuplicates()
    {
        var importer = _factory.Services.GetRequiredService<ImportWordPressExport>();
        var request = new ImportRequest(Fixture("replies-before-parents"), BatchSize: 1);
        using var kill = new CancellationTokenSource();
        var statuses = new ImportRequest(Fixture("statuses"), BatchSize: 1);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => importer.RunAsync(statuses, p =>
        {
            if (p.Phase == "Posts and comments" && p.Done >= 1)
            {
                kill.Cancel();
            }
        }, kill.Token));
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Articles.CountAsync()));

        var summary = await importer.RunAsync(statuses, null, CancellationToken.None);
        Assert.Equal(1, summary.Of("posts").AlreadyImported);
        Assert.Equal(1, summary.Of("posts").Imported);
        await importer.RunAsync(request, null, CancellationToken.None);
        var snapshot = await SnapshotAsync();
        await importer.RunAsync(statuses, null, CancellationToken.None);
        await importer.RunAsync(request, null, CancellationToken.None);
        Assert.Equal(snapshot, await SnapshotAsync());
        Assert.Equal(3, await _factory.WithDbAsync(db => db.Articles.CountAsync()));
        Assert.Equal(5, await _factory.WithDbAsync(db => db.Comments.CountAsync()));
    }

    private async Task<string> SnapshotAsync() => await _factory.WithDbAsync(async db =>
        string.Join(
            "|",
            await db.Articles.CountAsync(),
            await db.Comments.CountAsync(),
            await db.Authors.CountAsync(),
            await db.Categories.CountAsync(),
            await db.Tags.CountAsync(),
            await db.ImportedItems.CountAsync(),
            await db.LegacyAddresses.CountAsync(),
            string.Join(",", await db.Articles.OrderBy(a => a.Id).Select(a => a.Slug + a.BodyHtml.Length).ToListAsync())));

    private static async Task<string> ReadAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
        return body;
    }

    private static async Task AssertMovedAsync(HttpClient client, string from, string to)
    {
        var response = await client.GetAsync(from);
        Assert.True(response.StatusCode == HttpStatusCode.MovedPermanently, $"{from}: {(int)response.StatusCode}");
        Assert.Equal(to, response.Headers.Location?.OriginalString);
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Features", "WordPressImport", "Fixtures", name + ".xml");

    /// <summary>The published entry point, as an operator runs it: <c>dotnet NewsPortal.Web.dll import wordpress …</c>.</summary>
    private Task<(int Code, string Output, string Error)> ImportAsync(string export, params string[] options) =>
        ProgramCommandLine.ImportAsync(export, new Dictionary<string, string>
        {
            ["ConnectionStrings__NewsPortal"] = _factory.ConnectionString,
            ["Content__ImageOrigins__0"] = "https://old.example.com",
        }, TimeSpan.FromSeconds(120), options);
}
