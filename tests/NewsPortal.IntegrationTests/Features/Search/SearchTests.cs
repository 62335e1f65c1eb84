using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Features.Search;

public sealed class SearchTests : IClassFixture<NewsPortalFactory>
{
    private readonly NewsPortalFactory _factory;

    public SearchTests(NewsPortalFactory factory) => _factory = factory;

    [Fact]
    public async Task Search_WordFromAHeadline_FindsThatArticle()
    {
        var article = await _factory.WithDbAsync(db => db.Articles.OrderBy(a => a.Id).Select(a => new { a.Slug, a.Headline }).FirstAsync());
        var word = article.Headline.Split(' ').OrderByDescending(w => w.Length).First().Trim(',', '.', ':');

        var (response, document) = await Html.GetAsync(_factory.CreateClient(), $"/search?q={Uri.EscapeDataString(word.ToUpperInvariant())}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"/news/{article.Slug}", document.QuerySelectorAll(".listing .card-title a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Search_WordOnlyInTheBody_FindsTheArticle()
    {
        var article = await _factory.WithDbAsync(db => new ArticleBuilder().Body("<p>The quokkaphone was unveiled today.</p>").SaveAsync(db));

        var (_, document) = await Html.GetAsync(_factory.CreateClient(), "/search?q=quokkaphone");

        Assert.Equal([$"/news/{article.Slug}"], document.QuerySelectorAll(".listing .card-title a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Search_NoMatch_SaysNothingWasFound()
    {
        var (response, document) = await Html.GetAsync(_factory.CreateClient(), "/search?q=xylophonicqwerty");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("0 articles found", document.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("[a-z]")]
    public async Task Search_WildcardCharacters_AreTakenLiterally(string query)
    {
        var (_, document) = await Html.GetAsync(_factory.CreateClient(), $"/search?q={Uri.EscapeDataString(query)}");

        Assert.Empty(document.QuerySelectorAll(".listing .card-title a"));
    }

    [Fact]
    public async Task Search_EmptyQuery_ShowsTheFormOnly()
    {
        var (response, document) = await Html.GetAsync(_factory.CreateClient(), "/search");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(document.QuerySelector("form[role='search'] input[name='q']"));
        Assert.Null(document.QuerySelector(".result-count"));
    }
}
