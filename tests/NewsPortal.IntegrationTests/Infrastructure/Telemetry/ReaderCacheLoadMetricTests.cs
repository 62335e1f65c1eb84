namespace NewsPortal.IntegrationTests.Infrastructure.Telemetry;

/// <summary><c>newsportal_reader_cache_loads_total</c>: the misses that read the database, and those that joined one.</summary>
[Collection(nameof(MetricsCollection))]
public sealed class ReaderCacheLoadMetricTests(MetricsSite site)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ArticlePage_FirstRead_MovesTheLoadsThatRan_AndTheJoinedSeriesIsExported()
    {
        const string ran = "newsportal_reader_cache_loads_total{load=\"ran\"}";
        var slug = (await site.Factory.WithDbAsync(db => new ArticleBuilder().Slug("cache-loads-" + Guid.NewGuid().ToString("N")[..8]).SaveAsync(db))).Slug;
        using var reader = site.Reader();
        var before = await site.ValueAsync(ran);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri($"/news/{slug}", UriKind.Relative), Cancel)).StatusCode);

        Assert.True(await site.MovedAsync(ran, before) > before);
        using var scraper = new HttpClient { BaseAddress = site.Metrics };
        var scrape = await scraper.GetStringAsync(new Uri("/metrics", UriKind.Relative), Cancel);
        Assert.Contains(
            scrape.Split('\n'),
            line => line.StartsWith("newsportal_reader_cache_loads_total{", StringComparison.Ordinal) && line.Contains("load=\"joined\"", StringComparison.Ordinal));
    }
}
