namespace NewsPortal.TopologyTests.Infrastructure.Telemetry;

/// <summary>
/// Debian's Prometheus, as an operator runs it, scraping both instances on their metrics ports: both are up, a
/// comment posted through nginx shows in the site's counter, both report the reader cache shared through Redis, and
/// neither the scrape nor nginx's public address leak into each other.
/// </summary>
public sealed class PrometheusScrapeTests(Topology topology, ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Prometheus_ScrapingBothInstances_SeesBothUpAndTheCommentCounterMove()
    {
        await topology.ReadyAsync();
        var prometheus = SitePublish.FindTool("prometheus");
        if (prometheus is null)
        {
            Assert.SkipUnless(Topology.UnderCi, "prometheus not installed (apt-get install -y prometheus); under CI=true this fails.");
            Assert.Fail("CI=true but prometheus is not installed (apt-get install -y prometheus).");
        }

        var directory = Directory.CreateDirectory(Path.Combine(topology.RunDirectory, "prometheus")).FullName;
        var targets = string.Join(", ", topology.Instances.Select(i => $"'127.0.0.1:{i.MetricsPort}'"));
        var config = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: newsportal
                static_configs:
                  - targets: [{targets}]
            """, TestContext.Current.CancellationToken);
        var port = Loopback.FreePort();
        using var guard = new ProcessGuard(directory);
        using var process = ChildProcess.Start(
            guard, prometheus,
            [$"--config.file={config}", $"--storage.tsdb.path={Path.Combine(directory, "data")}", $"--web.listen-address=127.0.0.1:{port}"],
            directory, Path.Combine(directory, "prometheus.log"));
        using var api = new HttpClient { BaseAddress = Loopback.Url(port), Timeout = TimeSpan.FromSeconds(10) };

        // Both instances up, as Prometheus itself judges its targets.
        var up = await QueryUntilAsync(api, "up{job=\"newsportal\"} == 1", r => r.Count == 2);
        Assert.True(up.Count == 2, $"Prometheus did not see both instances up within {Wait.TotalSeconds} s: {Describe(up)}\n{ChildProcess.ReadTail(Path.Combine(directory, "prometheus.log"), 20)}");

        // A comment through nginx moves the site's counter, summed over the instances.
        var before = Sum(await QueryAsync(api, "sum(newsportal_comments_posted_total)"));
        using var reader = topology.Reader();
        var slug = await topology.CommentArticleAsync();
        await Journeys.PostAcknowledgedCommentAsync(reader, slug, $"Counted by Prometheus {Journeys.Marker("prom")}");
        var after = await QueryUntilAsync(api, "sum(newsportal_comments_posted_total)", r => Sum(r) > before);
        output.WriteLine($"newsportal_comments_posted_total: {before} then {Sum(after)}");
        Assert.True(Sum(after) > before, $"The comment counter stayed at {before}: {Describe(after)}");

        // Each instance reports its own request metrics under its own target.
        var requests = await QueryUntilAsync(api, "count by (instance) (http_server_request_duration_seconds_count)", r => r.Count == 2);
        Assert.True(requests.Count == 2, $"Request metrics from {requests.Count} instance(s): {Describe(requests)}");

        // Both instances in step through Redis, as each reports it, and Prometheus reads it per instance.
        var shared = await QueryUntilAsync(api, "newsportal_reader_cache_sync{state=\"shared\"} == 1", r => r.Count == 2);
        Assert.True(shared.Count == 2, $"Instances reporting the reader cache shared through Redis: {Describe(shared)}");

        // The public address never serves the scrape.
        var onPublic = await reader.GetAsync("/metrics", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, onPublic.Status);
    }

    private static async Task<List<JsonElement>> QueryUntilAsync(HttpClient api, string query, Func<List<JsonElement>, bool> done)
    {
        var until = DateTime.UtcNow + Wait;
        var result = new List<JsonElement>();
        while (DateTime.UtcNow < until)
        {
            try
            {
                result = await QueryAsync(api, query);
                if (done(result))
                {
                    return result;
                }
            }
            catch (HttpRequestException)
            {
                // Prometheus still starting.
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        return result;
    }

    private static async Task<List<JsonElement>> QueryAsync(HttpClient api, string query)
    {
        using var response = await api.GetAsync(new Uri($"/api/v1/query?query={Uri.EscapeDataString(query)}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.GetProperty("data").GetProperty("result").EnumerateArray().Select(e => e.Clone())];
    }

    private static double Sum(List<JsonElement> result) =>
        result.Sum(r => double.Parse(r.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture));

    private static string Describe(List<JsonElement> result) => "[" + string.Join(", ", result.Select(r => r.GetRawText())) + "]";
}
