namespace NewsPortal.IntegrationTests.Features.Search;

/// <summary>The search tests' site, unique words and the slugs a search finds.</summary>
public abstract class SearchTestBase(SearchTestBase.Factory factory)
{
    private protected readonly Factory _factory = factory;

    /// <summary>The site's own factory, with a search limit no test here reaches (the limit has its own test).</summary>
    public sealed class Factory : NewsPortalFactory
    {
        public Factory() => Settings["Search:RequestsPerMinutePerIp"] = "100000";
    }

    private protected static string Word() => "zq" + Guid.NewGuid().ToString("N")[..10];

    private protected async Task<List<string?>> ResultSlugsAsync(string url)
    {
        var (response, document) = await Html.GetAsync(_factory.CreateClient(), url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return document.QuerySelectorAll(".listing .card-title a").Select(a => a.GetAttribute("href")).ToList();
    }

    private protected Task<Article> SaveAsync(ArticleBuilder builder) => _factory.WithDbAsync(builder.SaveAsync);
}
