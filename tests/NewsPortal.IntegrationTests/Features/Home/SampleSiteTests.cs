namespace NewsPortal.IntegrationTests.Features.Home;

/// <summary>What README promises a fresh clone shows: 35 sample articles in seven sections.</summary>
public sealed class SampleSiteTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task FreshDatabase_Serves35SampleArticlesInSevenSections()
    {
        var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri("/sitemap.xml", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var articles = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!
            .Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value)
            .Where(loc => loc.Contains("/news/", StringComparison.Ordinal))
            .ToList();

        var (_, front) = await Html.GetAsync(client, "/");
        var sections = front.QuerySelectorAll("nav.sections a[href^='/category/']")
            .Select(a => a.GetAttribute("href")).Distinct().ToList();

        Assert.True(articles.Count == 35, $"the sitemap lists {articles.Count} articles: {string.Join(", ", articles)}");
        Assert.True(sections.Count == 7, $"the navigation names {sections.Count} sections: {string.Join(", ", sections)}");
        foreach (var section in sections)
        {
            var (sectionResponse, page) = await Html.GetAsync(client, section!);
            Assert.Equal(HttpStatusCode.OK, sectionResponse.StatusCode);
            Assert.NotEmpty(Html.Links(page, "/news/"));
        }
    }
}
