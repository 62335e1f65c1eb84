namespace NewsPortal.IntegrationTests.Features.Articles;

/// <summary>
/// A media library image as an article's hero (its address is one of the image's variants, as the hero picker writes
/// it): every page, the feed and the link-preview tags serve its variants; any other hero address stays as stored.
/// </summary>
public sealed class HeroImageTests : IAsyncLifetime
{
    private const string Hero = "/media/harbour.jpg-1200.jpg";
    private readonly string _root = MediaSite.NewRoot();
    private NewsPortalFactory _factory = null!;
    private string _librarySlug = null!;
    private string _drawingSlug = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = MediaSite.Create(_root, processing: false);
        await _factory.WithDbAsync(async db =>
        {
            db.MediaItems.Add(MediaPickerTests.Item("harbour.jpg", MediaState.Ready, "Boats", null, null, 3000, 2000));
            await db.SaveChangesAsync();
            var drawing = await new ArticleBuilder().Headline("Drawn hero").InCategory("news").PublishedAt(DateTime.UtcNow.AddHours(-2)).SaveAsync(db);
            drawing.HeroImageUrl = "/images/articles/harbour.svg";
            drawing.HeroImageAlt = "A drawing";
            var library = await new ArticleBuilder().Headline("Photographed hero").InCategory("news").PublishedAt(DateTime.UtcNow.AddHours(-1)).SaveAsync(db);
            library.HeroImageUrl = Hero;
            library.HeroImageAlt = "Boats in the harbour";
            await db.SaveChangesAsync();
            (_librarySlug, _drawingSlug) = (library.Slug, drawing.Slug);
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        MediaSite.DeleteRoot(_root);
    }

    private static string Widths(string format) =>
        string.Join(", ", new[] { 480, 800, 1200, 1600 }.Select(w => $"/media/harbour.jpg-{w}.{(format == "jpeg" ? "jpg" : format)} {w}w"));

    [Fact]
    public async Task ArticlePage_LibraryHero_IsALeadPictureWithEveryFormat_AndLinkPreviewsUseTheCrop()
    {
        var (response, page) = await Html.GetAsync(_factory.Browser(), $"/news/{_librarySlug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var picture = page.QuerySelector("figure.hero > picture") ?? throw new Xunit.Sdk.XunitException($"No hero picture: {page.QuerySelector("figure.hero")?.OuterHtml}");
        Assert.Equal(Widths("avif"), picture.QuerySelector("source[type='image/avif']")!.GetAttribute("srcset"));
        Assert.Equal(Widths("webp"), picture.QuerySelector("source[type='image/webp']")!.GetAttribute("srcset"));
        var img = picture.QuerySelector("img")!;
        Assert.Equal(Hero, img.GetAttribute("src"));
        Assert.Equal(Widths("jpeg"), img.GetAttribute("srcset"));
        Assert.Equal("Boats in the harbour", img.GetAttribute("alt"));
        Assert.Equal(("1200", "800"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Equal("high", img.GetAttribute("fetchpriority"));
        Assert.Null(img.GetAttribute("loading"));
        Assert.False(string.IsNullOrEmpty(img.GetAttribute("sizes")));

        Assert.EndsWith("/media/harbour.jpg-social.jpg", page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.Equal("1200", page.QuerySelector("meta[property='og:image:width']")!.GetAttribute("content"));
        Assert.Equal("630", page.QuerySelector("meta[property='og:image:height']")!.GetAttribute("content"));
        Assert.EndsWith("/media/harbour.jpg-social.jpg", page.QuerySelector("meta[name='twitter:image']")!.GetAttribute("content"), StringComparison.Ordinal);

        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var images = json.RootElement.GetProperty("image").EnumerateArray()
            .Select(i => (Url: i.GetProperty("url").GetString()!, W: i.GetProperty("width").GetInt32(), H: i.GetProperty("height").GetInt32())).ToList();
        Assert.Equal(2, images.Count);
        Assert.EndsWith("/media/harbour.jpg-1600.jpg", images[0].Url, StringComparison.Ordinal);
        Assert.Equal((1600, 1066), (images[0].W, images[0].H));
        Assert.EndsWith("/media/harbour.jpg-social.jpg", images[1].Url, StringComparison.Ordinal);
        Assert.Equal((1200, 630), (images[1].W, images[1].H));
        Assert.StartsWith("http", images[0].Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticlePage_HeroNotInTheLibrary_IsServedAsStored()
    {
        var (response, page) = await Html.GetAsync(_factory.Browser(), $"/news/{_drawingSlug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.QuerySelector("figure.hero picture"));
        var img = page.QuerySelector("figure.hero > img")!;
        Assert.Equal("/images/articles/harbour.svg", img.GetAttribute("src"));
        Assert.Equal("A drawing", img.GetAttribute("alt"));
        Assert.EndsWith("/images/articles/harbour.svg", page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("meta[property='og:image:width']"));
    }

    [Fact]
    public async Task FrontPage_LeadIsFetchedFirst_CardsArePicturesLoadedLazily()
    {
        var (response, page) = await Html.GetAsync(_factory.Browser(), "/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lead = page.QuerySelector(".lead-image picture img") ?? throw new Xunit.Sdk.XunitException($"No lead picture: {page.QuerySelector(".lead")?.OuterHtml}");
        Assert.Equal("high", lead.GetAttribute("fetchpriority"));
        Assert.Null(lead.GetAttribute("loading"));
        Assert.Equal(Widths("avif"), page.QuerySelector(".lead-image picture source[type='image/avif']")!.GetAttribute("srcset"));

        // The drawing is the second story: a card below the lead, its image as stored and lazy.
        var drawing = page.QuerySelector($".card-image img[src='/images/articles/harbour.svg']")!;
        Assert.Equal("lazy", drawing.GetAttribute("loading"));
        Assert.Null(drawing.GetAttribute("fetchpriority"));
    }

    [Fact]
    public async Task SectionPage_LibraryHeroCard_IsALazyPictureWithItsOwnSize()
    {
        var (response, page) = await Html.GetAsync(_factory.Browser(), "/category/news");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var img = page.QuerySelector(".card-image picture img") ?? throw new Xunit.Sdk.XunitException($"No card picture: {page.QuerySelector(".card-list, main")?.OuterHtml}");
        Assert.Equal("lazy", img.GetAttribute("loading"));
        Assert.Equal(("1200", "800"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Equal(Widths("webp"), page.QuerySelector(".card-image picture source[type='image/webp']")!.GetAttribute("srcset"));
        Assert.Equal("(min-width: 640px) 12rem, 7.5rem", img.GetAttribute("sizes"));
    }

    [Fact]
    public async Task Feed_LibraryHero_HasAnEnclosureAndMediaContentWithTheJpegsSizeAndType()
    {
        var response = await _factory.CreateClient().GetAsync(new Uri("/feed.xml", UriKind.Relative));
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());

        XNamespace media = "http://search.yahoo.com/mrss/";
        var items = xml.Descendants("item").ToDictionary(i => i.Element("title")!.Value);
        var enclosure = items["Photographed hero"].Element("enclosure")!;
        Assert.EndsWith(Hero, enclosure.Attribute("url")!.Value, StringComparison.Ordinal);
        Assert.StartsWith("http", enclosure.Attribute("url")!.Value, StringComparison.Ordinal);
        Assert.Equal("100", enclosure.Attribute("length")!.Value);
        Assert.Equal("image/jpeg", enclosure.Attribute("type")!.Value);
        var content = items["Photographed hero"].Element(media + "content")!;
        Assert.Equal(enclosure.Attribute("url")!.Value, content.Attribute("url")!.Value);
        Assert.Equal(("image", "1200", "800"), (content.Attribute("medium")!.Value, content.Attribute("width")!.Value, content.Attribute("height")!.Value));

        // Not a library image: no enclosure with a made-up length.
        Assert.Null(items["Drawn hero"].Element("enclosure"));
    }
}
