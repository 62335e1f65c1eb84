namespace NewsPortal.BrowserTests.Features.AdminImport;

/// <summary>An admin imports a WordPress export on /admin/import: picks the file, watches the progress, reads the summary.</summary>
public sealed class ImportJourneyTests(SiteFixture site)
{
    private const int Posts = 300;
    private const int CommentsEach = 20;


    [Fact]
    public async Task Admin_UploadsAnExport_SeesProgressThenTheSummary()
    {
        var export = Path.Combine(Path.GetTempPath(), $"newsportal-browser-export-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(export, GeneratedExport());
        try
        {
            await using var context = await site.NewContextAsync();
            var page = await SiteFixture.SignedInPageAsync(context, SiteFixture.EditorEmail);
            await page.GotoAsync("/admin/import");
            await page.SetInputFilesAsync("#import-export", export);
            await page.NavigatesToAsync(() => page.ClickAsync("form.import-upload button[type=submit]"), url => url.EndsWith("/admin/import", StringComparison.Ordinal));

            // Thousands of rows: still running when the page comes back.
            await Assertions.Expect(page.Locator("#import-current h2")).ToHaveTextAsync("Import in progress");
            await Assertions.Expect(page.Locator("progress#import-bar")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("form.import-upload")).ToHaveCountAsync(0);
            await Shots(page, "import-running");

            // The script follows the run and loads the page again when it ends: the summary is the server's.
            await Assertions.Expect(page.Locator("#import-current [data-import-state]")).ToHaveTextAsync("Finished", new() { Timeout = 240_000 });
            var summary = await page.InnerTextAsync("#import-current .import-summary");
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"posts: imported {Posts:N0}"), summary, StringComparison.Ordinal);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"comments: imported {Posts * CommentsEach:N0}"), summary, StringComparison.Ordinal);
            await Assertions.Expect(page.Locator("progress#import-bar")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("form.import-upload")).ToBeVisibleAsync();
            await Shots(page, "import-finished");

            await page.GotoAsync("/news/browser-import-1");
            Assert.Contains("Comment number 1.", await page.InnerTextAsync("#comments"), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(export);
        }
    }

    private static async Task Shots(IPage page, string name)
    {
        foreach (var width in new[] { 375, 1280 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.OutputFolder, $"{name}-{width}.png"), FullPage = true });
        }

        await page.SetViewportSizeAsync(1280, 900);
    }

    private static string GeneratedExport()
    {
        var xml = new StringBuilder();
        xml.Append("""
            <?xml version="1.0" encoding="UTF-8" ?>
            <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
            <channel>
            <title>Browser Gazette</title><link>https://browser-import.example.com</link><wp:wxr_version>1.2</wp:wxr_version>
            <wp:base_site_url>https://browser-import.example.com</wp:base_site_url><wp:base_blog_url>https://browser-import.example.com</wp:base_blog_url>
            <wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[importer]]></wp:author_login><wp:author_display_name><![CDATA[Imported Writer]]></wp:author_display_name></wp:author>
            <wp:category><wp:term_id>2</wp:term_id><wp:category_nicename><![CDATA[imported]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Imported]]></wp:cat_name></wp:category>

            """);
        var comment = 1;
        for (var post = 1; post <= Posts; post++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""
                <item><title><![CDATA[Imported story {post}]]></title><link>https://browser-import.example.com/2025/01/01/browser-import-{post}/</link>
                <dc:creator><![CDATA[importer]]></dc:creator><content:encoded><![CDATA[Story {post} came from WordPress.]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
                <wp:post_id>{post}</wp:post_id><wp:post_date><![CDATA[2025-01-01 08:00:00]]></wp:post_date><wp:post_date_gmt><![CDATA[2025-01-01 08:00:00]]></wp:post_date_gmt>
                <wp:comment_status><![CDATA[open]]></wp:comment_status><wp:post_name><![CDATA[browser-import-{post}]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status>
                <wp:post_parent>0</wp:post_parent><wp:post_type><![CDATA[post]]></wp:post_type><category domain="category" nicename="imported"><![CDATA[Imported]]></category>

                """);
            for (var i = 0; i < CommentsEach; i++, comment++)
            {
                xml.Append(CultureInfo.InvariantCulture, $"""
                    <wp:comment><wp:comment_id>{comment}</wp:comment_id><wp:comment_author><![CDATA[Reader {comment}]]></wp:comment_author><wp:comment_author_email><![CDATA[r{comment}@example.net]]></wp:comment_author_email>
                    <wp:comment_author_IP><![CDATA[198.51.100.7]]></wp:comment_author_IP><wp:comment_date_gmt><![CDATA[2025-01-02 08:00:00]]></wp:comment_date_gmt>
                    <wp:comment_content><![CDATA[Comment number {comment}.]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved><wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>

                    """);
            }

            xml.Append("</item>\n");
        }

        xml.Append("</channel>\n</rss>\n");
        return xml.ToString();
    }
}
