namespace NewsPortal.Web.Features.Feeds;

public sealed class FeedsController(FeedService feeds, IOptions<SiteOptions> site, SiteClock clock, PublicUrls urls) : Controller
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string MediaRssNamespace = "http://search.yahoo.com/mrss/";
    private const string NewsNamespace = "http://www.google.com/schemas/sitemap-news/0.9";

    private readonly SiteOptions _site = site.Value;

    [HttpGet("/feed.xml")]
    public async Task<IActionResult> Rss(CancellationToken cancellationToken)
    {
        var items = await feeds.GetFeedItemsAsync(cancellationToken);
        var baseUrl = BaseUrl();

        return Xml("application/rss+xml; charset=utf-8", xml =>
        {
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, AtomNamespace);
            xml.WriteAttributeString("xmlns", "media", null, MediaRssNamespace);
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", _site.Name);
            xml.WriteElementString("link", baseUrl + "/");
            xml.WriteElementString("description", _site.Tagline);
            xml.WriteElementString("language", "en-gb");
            var lastBuild = items.Count > 0 ? items.Max(i => i.UpdatedAt > i.PublishedAt ? i.UpdatedAt!.Value : i.PublishedAt) : clock.UtcNow;
            xml.WriteElementString("lastBuildDate", Rfc822(lastBuild));
            xml.WriteStartElement("atom", "link", AtomNamespace);
            xml.WriteAttributeString("href", baseUrl + "/feed.xml");
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteEndElement();

            foreach (var item in items)
            {
                var link = $"{baseUrl}/news/{item.Slug}";
                xml.WriteStartElement("item");
                xml.WriteElementString("title", item.Headline);
                xml.WriteElementString("link", link);
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "true");
                xml.WriteString(link);
                xml.WriteEndElement();
                xml.WriteElementString("description", item.Standfirst);
                xml.WriteElementString("category", item.Category);
                // One dc:creator per byline, in order, as Dublin Core repeats creators.
                foreach (var author in item.Authors)
                {
                    xml.WriteElementString("dc", "creator", "http://purl.org/dc/elements/1.1/", author);
                }

                xml.WriteElementString("pubDate", Rfc822(item.PublishedAt));
                if (item.Image is { } image)
                {
                    // RSS 2.0's enclosure for readers that know only it; Media RSS for those that show a picture.
                    var url = Infrastructure.Proxy.PublicUrls.Absolute(baseUrl, image.Url);
                    xml.WriteStartElement("enclosure");
                    xml.WriteAttributeString("url", url);
                    xml.WriteAttributeString("length", image.Bytes.ToString(CultureInfo.InvariantCulture));
                    xml.WriteAttributeString("type", image.Type);
                    xml.WriteEndElement();
                    xml.WriteStartElement("media", "content", MediaRssNamespace);
                    xml.WriteAttributeString("url", url);
                    xml.WriteAttributeString("type", image.Type);
                    xml.WriteAttributeString("medium", "image");
                    xml.WriteAttributeString("width", image.Width.ToString(CultureInfo.InvariantCulture));
                    xml.WriteAttributeString("height", image.Height.ToString(CultureInfo.InvariantCulture));
                    xml.WriteAttributeString("fileSize", image.Bytes.ToString(CultureInfo.InvariantCulture));
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        });
    }

    [HttpGet("/sitemap.xml")]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken)
    {
        var entries = await feeds.GetSitemapEntriesAsync(cancellationToken);
        var categories = await feeds.GetCategorySlugsAsync(cancellationToken);
        var baseUrl = BaseUrl();

        return Xml("application/xml; charset=utf-8", xml =>
        {
            xml.WriteStartElement("urlset", SitemapNamespace);
            WriteUrl(xml, baseUrl + "/", entries.Count > 0 ? entries[0].LastModified : null);
            foreach (var slug in categories)
            {
                WriteUrl(xml, $"{baseUrl}/category/{slug}", null);
            }

            foreach (var entry in entries)
            {
                WriteUrl(xml, $"{baseUrl}/news/{entry.Slug}", entry.LastModified);
            }

            xml.WriteEndElement();
        });
    }

    [HttpGet("/news-sitemap.xml")]
    public async Task<IActionResult> NewsSitemap(CancellationToken cancellationToken)
    {
        var items = await feeds.GetNewsSitemapItemsAsync(cancellationToken);
        var baseUrl = BaseUrl();

        return Xml("application/xml; charset=utf-8", xml =>
        {
            xml.WriteStartElement("urlset", SitemapNamespace);
            xml.WriteAttributeString("xmlns", "news", null, NewsNamespace);
            foreach (var item in items)
            {
                xml.WriteStartElement("url", SitemapNamespace);
                xml.WriteElementString("loc", SitemapNamespace, $"{baseUrl}/news/{item.Slug}");
                xml.WriteStartElement("news", "news", NewsNamespace);
                xml.WriteStartElement("news", "publication", NewsNamespace);
                xml.WriteElementString("news", "name", NewsNamespace, _site.Name);
                xml.WriteElementString("news", "language", NewsNamespace, "en");
                xml.WriteEndElement();
                xml.WriteElementString("news", "publication_date", NewsNamespace, UtcText.Iso(item.PublishedAt));
                xml.WriteElementString("news", "title", NewsNamespace, item.Headline);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });
    }

    [HttpGet("/robots.txt")]
    public IActionResult Robots()
    {
        var baseUrl = BaseUrl();
        var text = $"""
            User-agent: *
            Disallow: /admin
            Disallow: /account
            Disallow: /search
            Allow: /

            Sitemap: {baseUrl}/sitemap.xml
            Sitemap: {baseUrl}/news-sitemap.xml

            """;
        return Content(text, "text/plain; charset=utf-8");
    }

    private static void WriteUrl(XmlWriter xml, string loc, DateTime? lastModified)
    {
        xml.WriteStartElement("url", SitemapNamespace);
        xml.WriteElementString("loc", SitemapNamespace, loc);
        if (lastModified is { } utc)
        {
            xml.WriteElementString("lastmod", SitemapNamespace, UtcText.Iso(utc));
        }

        xml.WriteEndElement();
    }

    /// <summary>RSS dates are RFC 822; we always write them in UTC ("GMT").</summary>
    private static string Rfc822(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture);

    private string BaseUrl() => urls.Base(Request);

    private FileContentResult Xml(string contentType, Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            write(xml);
            xml.WriteEndDocument();
        }

        return File(buffer.ToArray(), contentType);
    }
}
