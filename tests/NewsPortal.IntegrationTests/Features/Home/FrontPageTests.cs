namespace NewsPortal.IntegrationTests.Features.Home;

public sealed class FrontPageTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    [Fact]
    public async Task Get_FreshDatabase_LinksAtLeastTenSampleArticles()
    {
        var document = await factory.ReaderPageAsync("/");

        var articleLinks = Html.Links(document, "/news/").Select(l => l.Split('#')[0]).Distinct().ToList();
        Assert.True(articleLinks.Count >= 10, $"Expected at least 10 article links, found {articleLinks.Count}.");
        Assert.NotNull(document.QuerySelector(".lead-story h2 a[href^='/news/']"));
        Assert.Contains(document.QuerySelectorAll("h2"), h => h.TextContent.Trim() == "Latest news");
    }

    [Fact]
    public async Task Get_FrontPage_HasBlockPerSectionAndSectionNavigation()
    {
        var (_, document) = await Html.GetAsync(factory.CreateClient(), "/");

        var sectionBlocks = document.QuerySelectorAll(".section-block h2 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.True(sectionBlocks.Count >= 6, $"Expected a block per section, found {sectionBlocks.Count}.");
        Assert.Contains("/category/world", sectionBlocks);
        Assert.True(document.QuerySelectorAll("nav.sections a[href^='/category/']").Length >= 6);
    }

    [Fact]
    public async Task Get_SecondPage_ShowsOlderArticlesThanFirst()
    {
        var client = factory.CreateClient();
        var (_, first) = await Html.GetAsync(client, "/");
        var (response, second) = await Html.GetAsync(client, "/?page=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var firstLatest = first.QuerySelectorAll(".latest .card-title a").Select(a => a.GetAttribute("href")).ToHashSet();
        var secondLatest = second.QuerySelectorAll(".latest .card-title a").Select(a => a.GetAttribute("href")).ToList();
        Assert.NotEmpty(secondLatest);
        Assert.DoesNotContain(secondLatest, firstLatest.Contains);
        Assert.NotNull(second.QuerySelector("a[rel='prev']"));
    }

    [Fact]
    public async Task Get_PageBeyondTheLast_Returns404()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/?page=500", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
