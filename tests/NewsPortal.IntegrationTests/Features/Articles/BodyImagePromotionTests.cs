namespace NewsPortal.IntegrationTests.Features.Articles;

/// <summary>
/// An article whose only pictures are in its body is shown elsewhere (link previews, JSON-LD, the feed) with the body's
/// first media library image, as a hero would be; a hero still wins, and an image from outside the library is never
/// promoted.
/// </summary>
public sealed class BodyImagePromotionTests : IAsyncLifetime
{
    private const string External = "https://images.example.org/press/quay.jpg";
    private static readonly XNamespace MediaRss = "http://search.yahoo.com/mrss/";

    private readonly string _root = MediaSite.NewRoot();
    private NewsPortalFactory _factory = null!;
    private readonly Dictionary<string, string> _slugs = [];

    public async ValueTask InitializeAsync()
    {
        _factory = MediaSite.Create(_root, processing: false);
        await _factory.WithDbAsync(async db =>
        {
            db.MediaItems.Add(MediaPickerTests.Item("harbour.jpg", MediaState.Ready, "Boats", null, null, 3000, 2000));
            db.MediaItems.Add(MediaPickerTests.Item("market.jpg", MediaState.Ready, "Stalls", null, null, 1000, 750));
            db.MediaItems.Add(MediaPickerTests.Item("quay.jpg", MediaState.Ready, "Quay", null, null, 3000, 2000));
            await db.SaveChangesAsync();

            var at = DateTime.UtcNow.AddHours(-5);
            async Task AddAsync(string key, string body, string? hero = null)
            {
                var article = await new ArticleBuilder().Headline(key).InCategory("news").Body(body).PublishedAt(at = at.AddMinutes(10)).SaveAsync(db);
                article.HeroImageUrl = hero;
                article.HeroImageAlt = hero is null ? null : "Boats in the harbour";
                _slugs[key] = article.Slug;
            }

            await AddAsync("Hero and body photos", "<p>Text.</p><figure><img src=\"/media/market.jpg-800.jpg\" alt=\"Market stalls\"></figure>", "/media/harbour.jpg-1200.jpg");
            await AddAsync("Drawn hero, body photo", "<p>Text.</p><figure><img src=\"/media/market.jpg-800.jpg\" alt=\"Market stalls\"></figure>", "/images/articles/harbour.svg");

            // The first picture is from elsewhere and the second is unknown to the library: the third is the first library image.
            await AddAsync("Body photos only",
                $"<p>Text.</p><figure><img src=\"{External}\" alt=\"A press photo\"></figure>"
                + "<p>More.</p><figure><img src=\"/media/deleted-long-ago.jpg\" alt=\"Gone\"></figure>"
                + "<figure><img src=\"/media/market.jpg-800.jpg\" alt=\"Market stalls at dawn\"><figcaption>Dawn.</figcaption></figure>"
                + "<figure><img src=\"/media/quay.jpg-480.webp\" alt=\"The quay\"></figure>");
            await AddAsync("Outside photo only", $"<p>Text.</p><figure><img src=\"{External}\" alt=\"A press photo\"></figure>");
            await AddAsync("No picture", "<p>Only words.</p>");
            await db.SaveChangesAsync();
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        MediaSite.DeleteRoot(_root);
    }

    private async Task<IDocument> PageAsync(string key)
    {
        var (response, page) = await Html.GetAsync(_factory.Browser(), $"/news/{_slugs[key]}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page;
    }

    private static string? Meta(IDocument page, string selector) => page.QuerySelector(selector)?.GetAttribute("content");

    private static JsonElement? JsonLdImage(IDocument page)
    {
        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        // Absent or null: the structured data is a dictionary, which writes a null entry as null.
        return json.RootElement.TryGetProperty("image", out var image) && image.ValueKind != JsonValueKind.Null ? image.Clone() : null;
    }

    private async Task<Dictionary<string, XElement>> FeedItemsAsync()
    {
        var response = await _factory.CreateClient().GetAsync(new Uri("/feed.xml", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants("item").ToDictionary(i => i.Element("title")!.Value);
    }

    [Fact]
    public async Task ArticlePage_HeroAndBodyPhotos_LinkPreviewIsTheHerosCrop()
    {
        var page = await PageAsync("Hero and body photos");

        Assert.EndsWith("/media/harbour.jpg-social.jpg", Meta(page, "meta[property='og:image']"), StringComparison.Ordinal);
        Assert.Equal("Boats in the harbour", Meta(page, "meta[property='og:image:alt']"));
        Assert.EndsWith("/media/harbour.jpg-social.jpg", Meta(page, "meta[name='twitter:image']"), StringComparison.Ordinal);
        var urls = JsonLdImage(page)!.Value.EnumerateArray().Select(i => i.GetProperty("url").GetString()!).ToList();
        Assert.Equal(2, urls.Count);
        Assert.EndsWith("/media/harbour.jpg-1600.jpg", urls[0], StringComparison.Ordinal);
        Assert.EndsWith("/media/harbour.jpg-social.jpg", urls[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticlePage_HeroFromOutsideTheLibrary_IsStillTheImage_TheBodyPhotoIsNotPromoted()
    {
        var page = await PageAsync("Drawn hero, body photo");

        Assert.Equal("http://localhost/images/articles/harbour.svg", Meta(page, "meta[property='og:image']"));
        Assert.Null(page.QuerySelector("meta[property='og:image:width']"));
        Assert.Equal("Boats in the harbour", Meta(page, "meta[property='og:image:alt']"));
        Assert.Equal(["http://localhost/images/articles/harbour.svg"], JsonLdImage(page)!.Value.EnumerateArray().Select(i => i.GetString()).ToList());
        Assert.Null((await FeedItemsAsync())["Drawn hero, body photo"].Element("enclosure"));
    }

    [Fact]
    public async Task ArticlePage_BodyPhotosOnly_LinkPreviewsAndJsonLdUseTheFirstLibraryImage()
    {
        var page = await PageAsync("Body photos only");

        var og = Meta(page, "meta[property='og:image']");
        Assert.Equal("http://localhost/media/market.jpg-social.jpg", og);
        Assert.Equal(("image/jpeg", "1200", "630"), (Meta(page, "meta[property='og:image:type']"), Meta(page, "meta[property='og:image:width']"), Meta(page, "meta[property='og:image:height']")));
        Assert.Equal("Market stalls at dawn", Meta(page, "meta[property='og:image:alt']"));
        Assert.Equal(og, Meta(page, "meta[name='twitter:image']"));
        Assert.Equal("Market stalls at dawn", Meta(page, "meta[name='twitter:image:alt']"));
        Assert.Equal("summary_large_image", Meta(page, "meta[name='twitter:card']"));

        // A 1000 px original: its widest JPEG is the 800, then the crop.
        var images = JsonLdImage(page)!.Value.EnumerateArray()
            .Select(i => (Url: i.GetProperty("url").GetString(), W: i.GetProperty("width").GetInt32(), H: i.GetProperty("height").GetInt32())).ToList();
        Assert.Equal([("http://localhost/media/market.jpg-800.jpg", 800, 600), ("http://localhost/media/market.jpg-social.jpg", 1200, 630)], images);

        // Promoting it changes nothing on the page itself: no hero, the body's pictures where they were.
        Assert.Null(page.QuerySelector("figure.hero"));
        Assert.NotNull(page.QuerySelector($".article-body img[src='{External}']"));
        Assert.NotNull(page.QuerySelector(".article-body picture img[src='/media/market.jpg-800.jpg']"));
    }

    /// <summary>Link previews and structured data name no picture: no og:image or twitter:image, a summary card, no JSON-LD image.</summary>
    private static void AssertNoPreviewImage(IDocument page)
    {
        Assert.Null(page.QuerySelector("meta[property='og:image']"));
        Assert.Null(page.QuerySelector("meta[name='twitter:image']"));
        Assert.Equal("summary", Meta(page, "meta[name='twitter:card']"));
        Assert.Null(JsonLdImage(page));
    }

    [Fact]
    public async Task ArticlePage_OnlyAnImageFromOutsideTheLibrary_HasNoImageInPreviewsOrJsonLd()
    {
        var page = await PageAsync("Outside photo only");

        Assert.NotNull(page.QuerySelector($".article-body img[src='{External}']"));
        AssertNoPreviewImage(page);
    }

    [Fact]
    public async Task ArticlePage_NoPicture_HasNoImageInPreviewsOrJsonLd()
    {
        var page = await PageAsync("No picture");

        AssertNoPreviewImage(page);
    }

    [Fact]
    public async Task Feed_BodyPhotosOnly_CarriesTheFirstLibraryImage_OthersAsBefore()
    {
        var items = await FeedItemsAsync();

        var enclosure = items["Body photos only"].Element("enclosure") ?? throw new Xunit.Sdk.XunitException($"No enclosure: {items["Body photos only"]}");
        Assert.Equal(("http://localhost/media/market.jpg-800.jpg", "100", "image/jpeg"),
            (enclosure.Attribute("url")!.Value, enclosure.Attribute("length")!.Value, enclosure.Attribute("type")!.Value));
        var content = items["Body photos only"].Element(MediaRss + "content")!;
        Assert.Equal(("http://localhost/media/market.jpg-800.jpg", "image", "800", "600"),
            (content.Attribute("url")!.Value, content.Attribute("medium")!.Value, content.Attribute("width")!.Value, content.Attribute("height")!.Value));

        Assert.EndsWith("/media/harbour.jpg-1200.jpg", items["Hero and body photos"].Element("enclosure")!.Attribute("url")!.Value, StringComparison.Ordinal);
        Assert.Null(items["Outside photo only"].Element("enclosure"));
        Assert.Null(items["Outside photo only"].Element(MediaRss + "content"));
        Assert.Null(items["No picture"].Element("enclosure"));
        Assert.Null(items["No picture"].Element(MediaRss + "content"));
    }
}
