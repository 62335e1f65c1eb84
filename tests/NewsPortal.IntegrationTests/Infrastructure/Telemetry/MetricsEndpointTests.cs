namespace NewsPortal.IntegrationTests.Infrastructure.Telemetry;

/// <summary>The scrape on its own port, nothing else there, no personal data in it, and trace ids in the request log.</summary>
[Collection(nameof(MetricsCollection))]
public sealed class MetricsEndpointTests(MetricsSite site) : MetricsTestBase(site)
{
    [Fact]
    public async Task Scrape_OnTheMetricsPort_IsPrometheusTextWithTheSitesMeters()
    {
        using var client = new HttpClient { BaseAddress = _site.Metrics };
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("newsportal_reader_cache_lookups_total", text, StringComparison.Ordinal);
        Assert.Equal(1, MetricsSite.ValueIn(text, "newsportal_reader_cache_sync{state=\"single\"}"));
    }

    [Fact]
    public async Task Metrics_OnTheReadersPort_Is404()
    {
        using var reader = _site.Reader();

        using var response = await reader.GetAsync(new Uri("/metrics", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("newsportal_", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetricsPort_ServesNothingButTheScrape()
    {
        using var client = new HttpClient { BaseAddress = _site.Metrics };

        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), Cancel);
        using var health = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, home.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, health.StatusCode);
    }

    [Fact]
    public async Task Scrape_AfterPersonalDataWasPostedAndSearched_HoldsNoneOfIt()
    {
        var canary = "cn" + Guid.NewGuid().ToString("N")[..12];
        var (slug, commentId) = await _site.Factory.PublishedCommentAsync();
        using var reader = _site.Reader();
        reader.DefaultRequestHeaders.UserAgent.ParseAdd($"Agent-{canary}/1.0");

        await PostCommentAsync(slug, $"Name {canary}", $"{canary}@example.com", $"Body {canary} with words.", reader);
        await PostCommentAsync(slug, $"Name {canary}", $"{canary}@example.com", $"Contains the blocked {canary}", reader);
        await reader.GetAsync(new Uri($"/search?q={canary}", UriKind.Relative), Cancel);
        await Reports.ReportAsync(reader, slug, commentId, "Other", explanation: $"Explained {canary}", email: $"{canary}@example.org");
        await reader.GetAsync(new Uri($"/news/{canary}", UriKind.Relative), Cancel);

        var scrape = await _site.ScrapeAsync();
        Assert.DoesNotContain(canary, scrape, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("example.com", scrape, StringComparison.OrdinalIgnoreCase);
        // Here the reader's address is the loopback the site itself listens on, so the address is checked by label: no
        // series about the site's requests is labelled with the client's address. (HttpClient's own series, http_client_*,
        // name the server the site called, such as the weather service; in this process also the test's own calls.)
        var served = scrape.Split('\n').Where(l => !l.StartsWith("http_client_", StringComparison.Ordinal) && !l.StartsWith('#')).ToList();
        Assert.DoesNotContain(served, l => l.Contains("client_address", StringComparison.Ordinal) || l.Contains("peer_address", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RequestLog_ForARequestWithATraceParent_CarriesItsTraceId()
    {
        var traceId = System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString();
        using var reader = _site.Reader();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/about-trace-" + traceId[..8], UriKind.Relative));
        request.Headers.Add("traceparent", $"00-{traceId}-{System.Diagnostics.ActivitySpanId.CreateRandom().ToHexString()}-01");

        await reader.SendAsync(request, Cancel);

        var logged = await _site.Log.RequestLoggedAsync("/about-trace-" + traceId[..8], TimeSpan.FromSeconds(10));
        Assert.NotNull(logged);
        Assert.Equal($"\"{traceId}\"", logged.Properties.TryGetValue("TraceId", out var id) ? id.ToString() : "(none)");
        Assert.True(logged.Properties.ContainsKey("SpanId"));
    }
}
