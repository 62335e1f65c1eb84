namespace NewsPortal.IntegrationTests.Features.Feeds;

public sealed class FeedTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task Rss_IsValidRss2WithItemsLinkingToArticles()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/feed.xml", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        var rss = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("rss", rss.Name.LocalName);
        Assert.Equal("2.0", rss.Attribute("version")!.Value);
        var channel = rss.Element("channel")!;
        Assert.False(string.IsNullOrWhiteSpace(channel.Element("title")!.Value));
        Assert.NotNull(channel.Element("link"));
        Assert.NotNull(channel.Element("description"));
        var items = channel.Elements("item").ToList();
        Assert.True(items.Count >= 10);
        foreach (var item in items)
        {
            Assert.False(string.IsNullOrWhiteSpace(item.Element("title")!.Value));
            Assert.Contains("/news/", item.Element("link")!.Value, StringComparison.Ordinal);
            Assert.Equal(item.Element("link")!.Value, item.Element("guid")!.Value);
            Assert.EndsWith("GMT", item.Element("pubDate")!.Value, StringComparison.Ordinal);
            Assert.True(DateTimeOffset.TryParseExact(item.Element("pubDate")!.Value, "ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _));
        }

        var dates = items.Select(i => DateTimeOffset.ParseExact(i.Element("pubDate")!.Value, "ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
    }

    [Fact]
    public async Task Sitemap_ListsEveryPublishedArticle()
    {
        var slugs = await factory.WithDbAsync(db => db.Articles.Select(a => a.Slug).ToListAsync());

        var response = await factory.CreateClient().GetAsync(new Uri("/sitemap.xml", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var urlset = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Sitemap + "urlset", urlset.Name);
        var locations = urlset.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
        foreach (var slug in slugs)
        {
            Assert.Contains(locations, loc => loc.EndsWith($"/news/{slug}", StringComparison.Ordinal));
        }

        Assert.All(urlset.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "lastmod")).OfType<XElement>(),
            lastmod => Assert.EndsWith("Z", lastmod.Value, StringComparison.Ordinal));
    }
}
