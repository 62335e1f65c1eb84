namespace NewsPortal.IntegrationTests.Infrastructure.Telemetry;

/// <summary>
/// The real program, as an operator starts it: the readers' <c>--urls</c> still serve the site beside the metrics
/// port, and a metrics port something else holds stops it with a message naming the key.
/// </summary>
public sealed class MetricsProgramTests
{
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static System.Diagnostics.Process Start(int readersPort, int metricsPort)
    {
        var info = ProgramCommandLine.StartInfo(
            ["--urls", $"http://127.0.0.1:{readersPort}"],
            [
                new("Seed__SampleContent", "false"),
                new("Metrics__Port", metricsPort.ToString(CultureInfo.InvariantCulture)),
                new("ConnectionStrings__NewsPortal", $"Data Source={Path.Combine(Path.GetTempPath(), $"metrics-{Guid.NewGuid():N}.db")}"),
            ]);
        return System.Diagnostics.Process.Start(info)!;
    }

    [Fact]
    public async Task Program_WithUrlsAndMetricsPort_ServesReadersOnTheUrlsAndTheScrapeOnlyOnTheMetricsPort()
    {
        int readersPort = FreePort(), metricsPort = FreePort();
        using var process = Start(readersPort, metricsPort);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        try
        {
            using var client = new HttpClient();
            var readers = new Uri($"http://127.0.0.1:{readersPort}/");
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            HttpResponseMessage? health = null;
            while (health is null && DateTime.UtcNow < until && !process.HasExited)
            {
                try
                {
                    health = await client.GetAsync(new Uri(readers, "/healthz"), TestContext.Current.CancellationToken);
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200, TestContext.Current.CancellationToken);
                }
            }

            Assert.True(health?.StatusCode == HttpStatusCode.OK, $"The readers' URL never answered /healthz (exited: {process.HasExited}).");
            using var scrape = await client.GetAsync(new Uri($"http://127.0.0.1:{metricsPort}/metrics"), TestContext.Current.CancellationToken);
            using var onReaders = await client.GetAsync(new Uri(readers, "/metrics"), TestContext.Current.CancellationToken);
            using var siteOnMetrics = await client.GetAsync(new Uri($"http://127.0.0.1:{metricsPort}/healthz"), TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
            Assert.Contains("http_server_request_duration_seconds", await scrape.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, onReaders.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, siteOnMetrics.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            _ = await stderr;
            _ = await stdout;
        }
    }

    [Fact]
    public async Task Program_WithTheMetricsPortTaken_ExitsNamingMetricsPort()
    {
        using var taken = new TcpListener(IPAddress.Any, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var process = Start(FreePort(), port);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);

        await process.WaitForExitAsync(timeout.Token);
        var error = await stderr;
        _ = await stdout;

        Assert.True(process.ExitCode == 1, $"Exit code {process.ExitCode}: {error}");
        Assert.Contains($"NewsPortal cannot start: Metrics:Port: cannot listen on port {port}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
