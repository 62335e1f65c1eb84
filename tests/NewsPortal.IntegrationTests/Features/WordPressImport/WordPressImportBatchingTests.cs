namespace NewsPortal.IntegrationTests.Features.WordPressImport;

/// <summary>
/// The importer reads and converts the next posts while it writes the current batch, and saves a batch a few rows at
/// a time inside its one transaction. These exports are big enough to cross both boundaries: a reply chain written
/// child-first that spans several saves and batches, a second run that finds everything, and a delta run.
/// </summary>
public sealed class WordPressImportBatchingTests : IDisposable
{
    private const int ChainLength = 230;
    private const int FirstCommentId = 1000;

    private readonly NewsPortalFactory _factory = new NewsPortalFactory().WithAdmin();
    private readonly string _folder = Directory.CreateTempSubdirectory("wxr-batching-").FullName;

    public WordPressImportBatchingTests()
    {
        _factory.Settings["Seed:SampleContent"] = "false";
        _factory.Settings["Privacy:RetainClientDataDays"] = "3650";
    }

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Import_ReplyChainAcrossSavesAndBatches_EveryReplyUnderItsParentAndFoundBySearch()
    {
        var importer = _factory.Services.GetRequiredService<ImportWordPressExport>();
        var summary = await importer.RunAsync(new ImportRequest(Export("first.xml", delta: false), BatchSize: 150), null, CancellationToken.None);

        Assert.Equal(2, summary.Of("posts").Imported);
        Assert.Equal(ChainLength + 2, summary.Of("comments").Imported);
        await _factory.WithDbAsync(async db =>
        {
            var comments = await db.Comments.Where(c => c.Article.Slug == "long-thread").ToListAsync();
            Assert.Equal(ChainLength, comments.Count);
            var byBody = comments.ToDictionary(c => BodyId(c.BodyHtml));
            for (var id = FirstCommentId; id < FirstCommentId + ChainLength - 1; id++)
            {
                Assert.True(byBody[id + 1].Id == byBody[id].ParentId, $"comment {id}: parent {byBody[id].ParentId}, expected {byBody[id + 1].Id}");
            }

            Assert.Null(byBody[FirstCommentId + ChainLength - 1].ParentId);
            Assert.DoesNotContain(comments, c => c.BodyHtml.Contains("<script", StringComparison.OrdinalIgnoreCase));
        });

        var client = _factory.CreateNoRedirectClient();
        var page = await client.GetStringAsync("/news/long-thread");
        Assert.Contains($"{ChainLength} comments", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert(1)", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/news/long-thread\"", await client.GetStringAsync("/search?q=quokka"), StringComparison.Ordinal);
        Assert.Contains("href=\"/news/second-story\"", await client.GetStringAsync("/search?q=wombat"), StringComparison.Ordinal);
        var staff = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        var queue = await staff.GetStringAsync("/admin/comments?status=approved&q=zanzibarian");
        Assert.Contains($"Reply {FirstCommentId + 117} zanzibarian", queue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_AgainThenWithNewComments_AddsOnlyTheNewOnesUnderTheirEarlierParents()
    {
        var importer = _factory.Services.GetRequiredService<ImportWordPressExport>();
        await importer.RunAsync(new ImportRequest(Export("first.xml", delta: false), BatchSize: 150), null, CancellationToken.None);
        var before = await CountsAsync();

        var again = await importer.RunAsync(new ImportRequest(Export("first.xml", delta: false), BatchSize: 150), null, CancellationToken.None);
        Assert.Equal((0, 2), (again.Of("posts").Imported, again.Of("posts").AlreadyImported));
        Assert.Equal((0L, ChainLength + 2L), (again.Of("comments").Imported, again.Of("comments").AlreadyImported));
        Assert.Equal(before, await CountsAsync());

        var delta = await importer.RunAsync(new ImportRequest(Export("delta.xml", delta: true), BatchSize: 150), null, CancellationToken.None);
        Assert.Equal(2, delta.Of("comments").Imported);
        Assert.Equal(2, delta.Of("posts").AlreadyImported);
        await _factory.WithDbAsync(async db =>
        {
            var comments = await db.Comments.Where(c => c.Article.Slug == "long-thread").ToListAsync();
            var byBody = comments.ToDictionary(c => BodyId(c.BodyHtml));
            Assert.Equal(byBody[FirstCommentId].Id, byBody[5000].ParentId);
            Assert.Equal(3, await db.Comments.CountAsync(c => c.Article.Slug == "second-story"));
            Assert.Equal(before.Comments + 2, await db.Comments.CountAsync());
        });

        var page = await _factory.CreateNoRedirectClient().GetAsync("/news/second-story");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Late reply 5001", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HoldConnection_OnSqlite_BigCacheWhileHeldAndTheOldSizeBackBeforeThePoolGetsIt()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsPortal.Web.Data.NewsDbContext>();
        var catalog = new WxrCatalog { Channel = new WxrChannel(null, null, null, null, "1.2"), Source = "cache.example.com", BlogPath = string.Empty };
        var run = new ImportBatchWriter(
            db, scope.ServiceProvider.GetRequiredService<NewsPortal.Web.Infrastructure.Database.SqliteWriteGate>(),
            scope.ServiceProvider.GetRequiredService<NewsPortal.Web.Data.Queries.IBulkWriteConnection>(), catalog,
            new ImportRequest("unused.xml"), new ImportSummary(), TimeProvider.System);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var before = await CacheSizeAsync(connection);
        await db.Database.CloseConnectionAsync();

        await using (await run.HoldConnectionAsync(CancellationToken.None))
        {
            Assert.Equal(System.Data.ConnectionState.Open, connection.State);
            Assert.Equal(-NewsPortal.Web.Data.Queries.Sqlite.SqliteBulkWriteConnection.CacheKilobytes, await CacheSizeAsync(connection));
        }

        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
        await db.Database.OpenConnectionAsync();
        Assert.Equal(before, await CacheSizeAsync(connection));
        await db.Database.CloseConnectionAsync();
    }

    private static async Task<long> CacheSizeAsync(System.Data.Common.DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA cache_size";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task<(int Articles, int Comments, int Keys)> CountsAsync() => await _factory.WithDbAsync(async db =>
        (await db.Articles.CountAsync(), await db.Comments.CountAsync(), await db.ImportedItems.CountAsync()));

    /// <summary>The number in "Reply 1234 …" or "Late reply 5000".</summary>
    private static int BodyId(string html)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", " ");
        var number = System.Text.RegularExpressions.Regex.Match(text, "[0-9]+").Value;
        return int.Parse(number, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Post 501 holds a chain of replies, each written before the comment it answers (so every parent comes later in
    /// the file, in a later save); post 502 has two comments. The delta adds a reply to the chain's first comment and
    /// a comment on post 502.
    /// </summary>
    private string Export(string name, bool delta)
    {
        var xml = new StringBuilder();
        xml.Append("""
            <?xml version="1.0" encoding="UTF-8" ?>
            <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
            <channel><title>Batch Gazette</title><link>https://batch.example.com</link><wp:wxr_version>1.2</wp:wxr_version>
            <wp:base_site_url>https://batch.example.com</wp:base_site_url><wp:base_blog_url>https://batch.example.com</wp:base_blog_url>
            <wp:author><wp:author_login><![CDATA[ed]]></wp:author_login><wp:author_display_name><![CDATA[Ed Itor]]></wp:author_display_name></wp:author>
            """);
        Post(xml, 501, "Long thread", "long-thread", "A story readers argued about, like a quokka.");
        for (var i = 0; i < ChainLength; i++)
        {
            var id = FirstCommentId + i;
            var parent = i < ChainLength - 1 ? id + 1 : 0;
            var body = id == FirstCommentId + 117 ? $"Reply {id} zanzibarian" : id == FirstCommentId + 3 ? $"Reply {id} <script>alert(1)</script>" : $"Reply {id}";
            Comment(xml, id, parent, body);
        }

        if (delta)
        {
            Comment(xml, 5000, FirstCommentId, "Late reply 5000");
        }

        xml.Append("</item>\n");
        Post(xml, 502, "Second story", "second-story", "Another story, about a wombat.");
        Comment(xml, 4000, 0, "Reply 4000");
        Comment(xml, 4001, 4000, "Reply 4001");
        if (delta)
        {
            Comment(xml, 5001, 0, "Late reply 5001");
        }

        xml.Append("</item>\n</channel>\n</rss>\n");
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, xml.ToString());
        return path;
    }

    private static void Post(StringBuilder xml, int id, string title, string slug, string body) => xml.Append(CultureInfo.InvariantCulture, $"""
        <item><title><![CDATA[{title}]]></title><link>https://batch.example.com/2025/03/14/{slug}/</link>
        <dc:creator><![CDATA[ed]]></dc:creator><content:encoded><![CDATA[{body}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
        <wp:post_id>{id}</wp:post_id><wp:post_date><![CDATA[2025-03-14 10:00:00]]></wp:post_date><wp:post_date_gmt><![CDATA[2025-03-14 09:00:00]]></wp:post_date_gmt>
        <wp:comment_status><![CDATA[open]]></wp:comment_status><wp:post_name><![CDATA[{slug}]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status>
        <wp:post_type><![CDATA[post]]></wp:post_type>

        """);

    private static void Comment(StringBuilder xml, int id, int parent, string body) => xml.Append(CultureInfo.InvariantCulture, $"""
        <wp:comment><wp:comment_id>{id}</wp:comment_id><wp:comment_author><![CDATA[Reader {id}]]></wp:comment_author><wp:comment_author_email><![CDATA[reader{id}@example.net]]></wp:comment_author_email><wp:comment_author_IP><![CDATA[198.51.100.7]]></wp:comment_author_IP><wp:comment_date><![CDATA[2025-03-14 11:00:00]]></wp:comment_date><wp:comment_date_gmt><![CDATA[2025-03-14 10:00:00]]></wp:comment_date_gmt><wp:comment_content><![CDATA[{body}]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved><wp:comment_type><![CDATA[]]></wp:comment_type><wp:comment_parent>{parent}</wp:comment_parent></wp:comment>

        """);
}
