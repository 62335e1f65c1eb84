namespace NewsPortal.IntegrationTests.Features.Search;

/// <summary>
/// docs/search.md: when more than 200 articles match, the 200 added last (highest ids) are ranked and the page says so;
/// a section or dates reach further back.
/// </summary>
public sealed class SearchRankedLimitTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private async Task<(HttpStatusCode Status, string Count, List<string?> Slugs)> SearchAsync(string query)
    {
        var (response, page) = await Html.GetAsync(factory.CreateClient(), $"/search?{query}");
        return (response.StatusCode, page.QuerySelector(".result-count")?.TextContent ?? "",
            [.. page.QuerySelectorAll(".listing .card-title a").Select(a => a.GetAttribute("href"))]);
    }

    [Fact]
    public async Task MoreMatchesThanAreRanked_TheLastAddedAreRankedAndThePageSaysSo_DatesReachTheOthers()
    {
        var word = "zr" + Guid.NewGuid().ToString("N")[..10];
        var longAgo = DateTime.UtcNow.Date.AddDays(-300);
        var (first, last) = await factory.WithDbAsync(async db =>
        {
            var addedFirst = await new ArticleBuilder().Body($"<p>{word} added first</p>").PublishedAt(longAgo.AddHours(12)).SaveAsync(db);
            for (var i = 0; i < SearchService.MaxRanked - 1; i++)
            {
                await new ArticleBuilder().Body($"<p>{word} story {i}</p>").PublishedAt(DateTime.UtcNow.AddHours(-1 - i)).SaveAsync(db);
            }

            // Published as long ago as the first (an imported archive, say), but added last: it is among the ranked.
            var addedLast = await new ArticleBuilder().Body($"<p>{word} added last</p>").PublishedAt(longAgo.AddHours(12)).SaveAsync(db);
            return (addedFirst, addedLast);
        });

        var ranked = new List<string?>();
        var count = "";
        for (var page = 1; page <= SearchService.MaxPage; page++)
        {
            var result = await SearchAsync($"q={word}&page={page}");
            Assert.Equal(HttpStatusCode.OK, result.Status);
            ranked.AddRange(result.Slugs);
            count = page == 1 ? result.Count : count;
        }

        var day = longAgo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var dated = await SearchAsync($"q={word}&from={day}&to={day}");

        Assert.Contains($"More than {SearchService.MaxRanked}", count, StringComparison.Ordinal);
        Assert.Equal(SearchService.MaxRanked, ranked.Distinct().Count());
        Assert.Contains($"/news/{last.Slug}", ranked);
        Assert.DoesNotContain($"/news/{first.Slug}", ranked);
        Assert.Equal(new[] { $"/news/{first.Slug}", $"/news/{last.Slug}" }.Order(StringComparer.Ordinal), dated.Slugs.Order(StringComparer.Ordinal));
    }
}
