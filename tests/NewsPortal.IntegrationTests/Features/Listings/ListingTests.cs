namespace NewsPortal.IntegrationTests.Features.Listings;

public sealed class ListingTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    [Fact]
    public async Task Get_Category_ListsOnlyThatSectionsArticles()
    {
        var document = await factory.ReaderPageAsync("/category/sport");

        Assert.Equal("Sport", document.QuerySelector("h1")!.TextContent.Trim());
        var kickers = document.QuerySelectorAll(".listing .kicker").Select(k => k.TextContent.Trim()).ToList();
        Assert.NotEmpty(kickers);
        Assert.All(kickers, k => Assert.Equal("Sport", k));
    }

    [Fact]
    public async Task Get_CategoryPages_PageThroughAllArticlesWithoutRepeats()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < 15; i++)
        {
            await factory.WithDbAsync(db => new ArticleBuilder().InCategory("culture").PublishedAt(DateTime.UtcNow.AddDays(-40 - i)).SaveAsync(db));
        }

        var (_, first) = await Html.GetAsync(client, "/category/culture");
        var (response, second) = await Html.GetAsync(client, "/category/culture?page=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var firstLinks = first.QuerySelectorAll(".listing .card-title a").Select(a => a.GetAttribute("href")).ToList();
        var secondLinks = second.QuerySelectorAll(".listing .card-title a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(12, firstLinks.Count);
        Assert.NotEmpty(secondLinks);
        Assert.Empty(firstLinks.Intersect(secondLinks));
        Assert.NotNull(first.QuerySelector("a[rel='next'][href='/category/culture?page=2']"));
    }

    [Fact]
    public async Task Get_Tag_ListsTaggedArticles()
    {
        var document = await factory.ReaderPageAsync("/tag/climate");

        Assert.Equal("climate", document.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotEmpty(document.QuerySelectorAll(".listing .card-title a[href^='/news/']"));
    }

    [Theory]
    [InlineData("/category/no-such-section")]
    [InlineData("/tag/no-such-topic")]
    public async Task Get_UnknownListing_Returns404(string url) =>
        Assert.Equal(HttpStatusCode.NotFound, await factory.CreateClient().StatusOfAsync(url));
}
