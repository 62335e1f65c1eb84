namespace NewsPortal.IntegrationTests.Features.Articles;

/// <summary>What requests for article pages that do not exist cost: the database and the reader cache's store.</summary>
public sealed class MissingArticleTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private long Loads => factory.Services.GetRequiredService<ReaderCache>().LoadCount;

    [Fact]
    public async Task DistinctMissingSlugs_CostOneLookupEach_AndTextThatCannotBeASlugCostsNone()
    {
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync("/news/warm-up-the-404-page")); // its navigation is cached now

        var before = Loads;
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync($"/news/missing-story-{i}"));
        }

        Assert.True(Loads - before <= 20, $"20 distinct missing slugs ran {Loads - before} cache loads (database reads).");

        before = Loads;
        foreach (var path in new[] { "/news/wp-login.php", "/news/index.html", "/news/" + new string('a', 500), "/news/%E2%80%AEevil", "/news/a_b" })
        {
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync(path));
        }

        Assert.Equal(0, Loads - before);

        // The same missing slug again: answered from the cache.
        before = Loads;
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync("/news/missing-story-3"));
        Assert.Equal(0, Loads - before);
    }
}
