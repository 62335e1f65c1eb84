namespace NewsPortal.IntegrationTests.Features.Feeds;

public sealed class SeoTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    [Fact]
    public async Task EveryReaderPage_HasAUniqueTitleADescriptionAndACanonicalUrl()
    {
        var client = factory.CreateClient();
        var slug = await factory.WithDbAsync(db => db.Articles.OrderBy(a => a.Id).Select(a => a.Slug).FirstAsync());
        string[] pages = ["/", "/?page=2", $"/news/{slug}", "/category/world", "/category/sport", "/tag/climate", "/search?q=harbour", "/account/login"];
        var titles = new List<string>();

        foreach (var page in pages)
        {
            var (_, document) = await Html.GetAsync(client, page);
            titles.Add(document.Title!);
            Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector("meta[name='description']")?.GetAttribute("content")), page);
            var canonical = document.QuerySelector("link[rel='canonical']")!.GetAttribute("href")!;
            Assert.StartsWith("http://localhost/", canonical, StringComparison.Ordinal);
        }

        Assert.Equal(titles.Count, titles.Distinct().Count());
        var (_, second) = await Html.GetAsync(client, "/?page=2");
        Assert.Equal("http://localhost/?page=2", second.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ArticlePage_HasOpenGraphTwitterAndNewsArticleJsonLdWithItsApprovedComments()
    {
        var article = await factory.WithDbAsync(db => db.Articles
            .Where(a => a.HeroImageUrl != null && a.Comments.Count(c => c.Status == CommentStatus.Approved) >= 2)
            .Select(a => new { a.Slug, a.Headline, Approved = a.Comments.Count(c => c.Status == CommentStatus.Approved) })
            .FirstAsync());

        var (_, document) = await Html.GetAsync(factory.CreateClient(), $"/news/{article.Slug}");

        Assert.Equal(article.Headline, document.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.Equal("article", document.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.StartsWith("http://localhost/images/", document.QuerySelector("meta[property='og:image']")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.Equal("summary_large_image", document.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));

        using var json = JsonDocument.Parse(document.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var root = json.RootElement;
        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        Assert.Equal("NewsArticle", root.GetProperty("@type").GetString());
        Assert.Equal(article.Headline, root.GetProperty("headline").GetString());
        Assert.EndsWith("Z", root.GetProperty("datePublished").GetString(), StringComparison.Ordinal);
        Assert.True(DateTimeOffset.TryParse(root.GetProperty("dateModified").GetString(), out _));
        Assert.Equal("Person", root.GetProperty("author")[0].GetProperty("@type").GetString());
        Assert.StartsWith("http://localhost/", root.GetProperty("image")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("NewsMediaOrganization", root.GetProperty("publisher").GetProperty("@type").GetString());
        Assert.Equal(article.Approved, root.GetProperty("commentCount").GetInt32());
        var comments = root.GetProperty("comment").EnumerateArray().ToList();
        Assert.Equal(article.Approved, comments.Count);
        Assert.All(comments, c =>
        {
            Assert.Equal("Comment", c.GetProperty("@type").GetString());
            Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("text").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("author").GetProperty("name").GetString()));
        });

        // The same comments are in the server-rendered HTML, not loaded later.
        Assert.Equal(article.Approved, document.QuerySelectorAll("#comments li.comment").Length);
    }

    [Fact]
    public async Task JsonLd_NeverContainsAHeldCommentOrAnEmail()
    {
        var slug = (await factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var author = factory.CreateClient();
        var response = await ReaderComments.PostAsync(author, slug, "Held Harry", "harry@example.com", "</script><script>alert(1)</script> held text");

        var own = await Html.ParseAsync(response);
        var jsonLd = own.QuerySelector("script[type='application/ld+json']")!.TextContent;
        using var json = JsonDocument.Parse(jsonLd);
        Assert.Equal(0, json.RootElement.GetProperty("commentCount").GetInt32());
        Assert.Empty(json.RootElement.GetProperty("comment").EnumerateArray());
        Assert.DoesNotContain("harry@example.com", jsonLd, StringComparison.Ordinal);
        Assert.Single(own.QuerySelectorAll("script[type='application/ld+json']"));
    }

    [Fact]
    public async Task RobotsTxt_NamesBothSitemaps()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/robots.txt", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", text, StringComparison.Ordinal);
        Assert.Contains("Sitemap: http://localhost/news-sitemap.xml", text, StringComparison.Ordinal);
        Assert.Contains("Disallow: /admin", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewsSitemap_ListsOnlyTheLast48HoursInUtc()
    {
        var fresh = await factory.WithDbAsync(db => new ArticleBuilder().PublishedAt(DateTime.UtcNow.AddHours(-3)).SaveAsync(db));
        var old = await factory.WithDbAsync(db => new ArticleBuilder().PublishedAt(DateTime.UtcNow.AddHours(-60)).SaveAsync(db));
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace news = "http://www.google.com/schemas/sitemap-news/0.9";

        var xml = XDocument.Parse(await factory.CreateClient().GetStringAsync(new Uri("/news-sitemap.xml", UriKind.Relative)));

        var urls = xml.Root!.Elements(sm + "url").ToList();
        var locations = urls.Select(u => u.Element(sm + "loc")!.Value).ToList();
        Assert.Contains($"http://localhost/news/{fresh.Slug}", locations);
        Assert.DoesNotContain($"http://localhost/news/{old.Slug}", locations);
        var entry = urls.Single(u => u.Element(sm + "loc")!.Value.EndsWith(fresh.Slug, StringComparison.Ordinal)).Element(news + "news")!;
        Assert.Equal("NewsPortal", entry.Element(news + "publication")!.Element(news + "name")!.Value);
        Assert.Equal(fresh.PublishedAt!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), entry.Element(news + "publication_date")!.Value);
        Assert.Equal(fresh.Headline, entry.Element(news + "title")!.Value);
    }
}
