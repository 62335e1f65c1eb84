namespace NewsPortal.IntegrationTests.Infrastructure.Telemetry;

/// <summary>The meters of what readers do: search, the page cache and shared renders, rate limits.</summary>
[Collection(nameof(MetricsCollection))]
public sealed class ReaderMetricsTests(MetricsSite site) : MetricsTestBase(site)
{
    [Fact]
    public async Task Search_WithEverySlotBusy_MovesSearchRejected()
    {
        const string series = "newsportal_search_rejected_total";
        var before = await _site.ValueAsync(series);
        var requestsBefore = await _site.ValueAsync("newsportal_search_requests_total");
        using var reader = _site.Reader();

        HttpResponseMessage busy;
        using (await _site.Factory.Services.GetRequiredService<SearchGate>().EnterAsync(Cancel))
        {
            busy = await reader.GetAsync(new Uri("/search?q=zq" + Guid.NewGuid().ToString("N")[..10], UriKind.Relative), Cancel);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal(before + 1, await _site.MovedAsync(series, before));
        Assert.Equal(requestsBefore + 1, await _site.MovedAsync("newsportal_search_requests_total", requestsBefore));
    }

    [Fact]
    public async Task ArticlePage_FirstAndSecondRead_MovesCacheMissesThenHits()
    {
        const string misses = "newsportal_reader_cache_lookups_total{result=\"miss\"}";
        const string hits = "newsportal_reader_cache_lookups_total{result=\"hit\"}";
        var slug = (await _site.Factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        using var reader = _site.Reader();
        var missesBefore = await _site.ValueAsync(misses);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri($"/news/{slug}", UriKind.Relative), Cancel)).StatusCode);
        await _site.MovedAsync(misses, missesBefore);
        var hitsBefore = await _site.ValueAsync(hits);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri($"/news/{slug}", UriKind.Relative), Cancel)).StatusCode);

        await _site.MovedAsync(hits, hitsBefore);
    }

    [Fact]
    public async Task PrivacyPosts_OverTheLimit_MoveRateLimitRejectedForThePrivacyPolicy()
    {
        const string series = "newsportal_rate_limit_rejected_total{policy=\"privacy\"}";
        var before = await _site.ValueAsync(series);
        using var reader = _site.Reader();

        // One post an hour (the fixture's limit): the second, whatever the first answered, is the 429.
        using var first = await reader.PostAsync(new Uri("/privacy", UriKind.Relative), new FormUrlEncodedContent([]), Cancel);
        using var second = await reader.PostAsync(new Uri("/privacy", UriKind.Relative), new FormUrlEncodedContent([]), Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(before + 1, await _site.MovedAsync(series, before));
    }

    [Fact]
    public async Task Search_ThatFindsNothing_RecordsItsDurationAsNone()
    {
        const string series = "newsportal_search_duration_seconds_count{outcome=\"none\"}";
        var before = await _site.ValueAsync(series);
        using var reader = _site.Reader();

        using var response = await reader.GetAsync(new Uri("/search?q=zq" + Guid.NewGuid().ToString("N")[..10], UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, await _site.MovedAsync(series, before));
    }

    [Fact]
    public async Task ArticlePage_FirstRead_MovesSharedRenders()
    {
        const string series = "newsportal_reader_cache_renders_total";
        var slug = (await _site.Factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var before = await _site.ValueAsync(series);
        using var reader = _site.Reader();

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri($"/news/{slug}", UriKind.Relative), Cancel)).StatusCode);

        await _site.MovedAsync(series, before);
    }
}
