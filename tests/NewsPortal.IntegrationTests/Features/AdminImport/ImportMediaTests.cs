namespace NewsPortal.IntegrationTests.Features.AdminImport;

/// <summary>
/// Pictures arrive with the posts: an uploads folder of real JPEGs (the original and WordPress's resized copies),
/// given to the command line with <c>--media</c> or to /admin/import as a zip, becomes media-library entries; the
/// featured image becomes the hero with its alt text and caption, and body images point at the library's variants.
/// </summary>
public sealed class ImportMediaTests : IAsyncLifetime
{
    private const string Alt = "Fishing boats moored in the harbour at dawn";
    private const string Caption = "The harbour before the boats went out";
    private const string BodyAlt = "The harbour wall";

    private readonly ImportSite _site = new();
    private readonly string _uploads = Path.Combine(Path.GetTempPath(), $"newsportal-wp-uploads-{Guid.NewGuid():N}");
    private readonly byte[] _original = MediaTestImages.Jpeg(1600, 1067);
    private readonly byte[] _large = MediaTestImages.Jpeg(1024, 683);
    private readonly byte[] _thumbnail = MediaTestImages.Jpeg(300, 200);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        if (Directory.Exists(_uploads))
        {
            Directory.Delete(_uploads, recursive: true);
        }
    }

    [Fact]
    public async Task CommandLine_WithMedia_PicturesBecomeLibraryEntriesHeroesAndResponsiveBodyImages()
    {
        var month = Path.Combine(_uploads, "2025", "03");
        Directory.CreateDirectory(month);
        await File.WriteAllBytesAsync(Path.Combine(month, "harbour.jpg"), _original);
        await File.WriteAllBytesAsync(Path.Combine(month, "harbour-1024x683.jpg"), _large);
        await File.WriteAllBytesAsync(Path.Combine(month, "harbour-300x200.jpg"), _thumbnail);
        var export = Path.Combine(_uploads, "export.xml");
        await File.WriteAllTextAsync(export, Export);

        var (code, output, error) = await _site.RunCommandLineAsync(export, "--media", _uploads);

        Assert.True(code == 0, $"exit {code}\n{output}\n{error}");
        Assert.Contains("attachments (media library): imported 1", output, StringComparison.Ordinal);
        Assert.Contains("1 images moved to the media library", output, StringComparison.Ordinal);
        await AssertPicturesArrivedAsync();
    }

    [Fact]
    public async Task ImportPage_WithUploadsZip_PicturesBecomeLibraryEntriesHeroesAndResponsiveBodyImages()
    {
        var admin = await _site.Factory.SignedInAsync(StaffSessions.AdminEmail);
        var zip = ImportSite.Zip(
            ("wp-content/uploads/2025/03/harbour.jpg", _original),
            ("wp-content/uploads/2025/03/harbour-1024x683.jpg", _large),
            ("wp-content/uploads/2025/03/harbour-300x200.jpg", _thumbnail),
            ("wp-content/uploads/2025/03/minutes.txt", "not a picture"u8.ToArray()));

        var response = await ImportSite.UploadAsync(admin, ("gazette.WordPress.2025-03-14.xml", Encoding.UTF8.GetBytes(Export)), ("uploads.zip", zip));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var run = await _site.WaitForRunToEndAsync();
        Assert.True(run.Status == ImportRunStatus.Succeeded, $"{run.Status}: {run.Error}");
        Assert.Contains("attachments (media library): imported 1", run.Summary, StringComparison.Ordinal);
        Assert.Equal("uploads.zip", run.UploadsFileName);
        Assert.Empty(_site.LeftInImportFolder());
        await AssertPicturesArrivedAsync();
    }

    private async Task AssertPicturesArrivedAsync()
    {
        var item = Assert.Single(await _site.Factory.WithDbAsync(db => db.MediaItems.AsNoTracking().Include(m => m.Variants).ToListAsync()));
        Assert.Equal((MediaState.Ready, 1600, 1067), (item.State, item.Width, item.Height));
        Assert.Equal((Alt, Caption), (item.Alt, item.Caption));
        var variantUrls = item.Variants.Where(v => v.Kind == "w").Select(v => "/media/" + v.FileName).ToHashSet();
        Assert.NotEmpty(variantUrls);

        var article = await _site.Factory.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Slug == "boats-return"));
        Assert.Contains(article.HeroImageUrl ?? "(none)", variantUrls);
        Assert.Equal((Alt, Caption), (article.HeroImageAlt, article.HeroImageCaption));
        Assert.DoesNotContain("old.example.com", article.BodyHtml, StringComparison.Ordinal);
        var bodyImage = System.Text.RegularExpressions.Regex.Match(article.BodyHtml, "<img[^>]*src=\"([^\"]+)\"").Groups[1].Value;
        Assert.Contains(bodyImage, variantUrls);

        var page = await Html.ParseAsync(await _site.Factory.CreateNoRedirectClient().GetAsync("/news/boats-return"));
        var pictures = page.QuerySelectorAll("picture");
        Assert.True(pictures.Length >= 2, $"expected the hero and the body image as <picture>, found {pictures.Length}");
        Assert.Contains(pictures, p => p.QuerySelector("img")?.GetAttribute("alt") == Alt);
        Assert.Contains(pictures, p => p.QuerySelector("img")?.GetAttribute("alt") == BodyAlt && p.Closest(".article-body") is not null);
        Assert.All(pictures, p => Assert.Contains("image/avif", p.InnerHtml, StringComparison.Ordinal));
        Assert.Contains(Caption, page.QuerySelector("figcaption")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("harbour-1024x683", page.Body!.InnerHtml, StringComparison.Ordinal);
    }

    /// <summary>An attachment (the original's path under uploads, its alt text and caption) and a post that features it and shows its resized copy in the body.</summary>
    private const string Export = $$"""
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel>
        	<title>Old Gazette</title>
        	<link>https://old.example.com</link>
        	<wp:wxr_version>1.2</wp:wxr_version>
        	<wp:base_site_url>https://old.example.com</wp:base_site_url>
        	<wp:base_blog_url>https://old.example.com</wp:base_blog_url>
        	<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[jdoe]]></wp:author_login><wp:author_email><![CDATA[jdoe@old.example.com]]></wp:author_email><wp:author_display_name><![CDATA[Jane Doe]]></wp:author_display_name></wp:author>
        	<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename><![CDATA[coast]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Coast]]></wp:cat_name></wp:category>
        	<item>
        		<title><![CDATA[harbour]]></title>
        		<link>https://old.example.com/2025/03/14/boats-return/harbour/</link>
        		<dc:creator><![CDATA[jdoe]]></dc:creator>
        		<content:encoded><![CDATA[]]></content:encoded>
        		<excerpt:encoded><![CDATA[{{Caption}}]]></excerpt:encoded>
        		<wp:post_id>50</wp:post_id>
        		<wp:post_date><![CDATA[2025-03-14 08:00:00]]></wp:post_date>
        		<wp:post_date_gmt><![CDATA[2025-03-14 08:00:00]]></wp:post_date_gmt>
        		<wp:comment_status><![CDATA[open]]></wp:comment_status>
        		<wp:post_name><![CDATA[harbour]]></wp:post_name>
        		<wp:status><![CDATA[inherit]]></wp:status>
        		<wp:post_parent>200</wp:post_parent>
        		<wp:post_type><![CDATA[attachment]]></wp:post_type>
        		<wp:attachment_url><![CDATA[https://old.example.com/wp-content/uploads/2025/03/harbour.jpg]]></wp:attachment_url>
        		<wp:postmeta><wp:meta_key><![CDATA[_wp_attached_file]]></wp:meta_key><wp:meta_value><![CDATA[2025/03/harbour.jpg]]></wp:meta_value></wp:postmeta>
        		<wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key><wp:meta_value><![CDATA[{{Alt}}]]></wp:meta_value></wp:postmeta>
        	</item>
        	<item>
        		<title><![CDATA[Boats return]]></title>
        		<link>https://old.example.com/2025/03/14/boats-return/</link>
        		<dc:creator><![CDATA[jdoe]]></dc:creator>
        		<content:encoded><![CDATA[The fleet came back before noon.

        <img class="size-large wp-image-50" src="https://old.example.com/wp-content/uploads/2025/03/harbour-1024x683.jpg" alt="{{BodyAlt}}" width="1024" height="683" />

        The catch was good.]]></content:encoded>
        		<excerpt:encoded><![CDATA[]]></excerpt:encoded>
        		<wp:post_id>200</wp:post_id>
        		<wp:post_date><![CDATA[2025-03-14 09:30:00]]></wp:post_date>
        		<wp:post_date_gmt><![CDATA[2025-03-14 09:30:00]]></wp:post_date_gmt>
        		<wp:comment_status><![CDATA[open]]></wp:comment_status>
        		<wp:post_name><![CDATA[boats-return]]></wp:post_name>
        		<wp:status><![CDATA[publish]]></wp:status>
        		<wp:post_parent>0</wp:post_parent>
        		<wp:post_type><![CDATA[post]]></wp:post_type>
        		<category domain="category" nicename="coast"><![CDATA[Coast]]></category>
        		<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[50]]></wp:meta_value></wp:postmeta>
        	</item>
        </channel>
        </rss>
        """;
}
