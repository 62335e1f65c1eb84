using Serilog.Core;

namespace NewsPortal.IntegrationTests.Infrastructure.Telemetry;

/// <summary>
/// The site's meters move when things happen, read back as Prometheus reads them. Alone, because the site's counters
/// are process-wide: another test's comment would move them too.
/// </summary>
[CollectionDefinition(nameof(MetricsCollection), DisableParallelization = true)]
public sealed class MetricsCollection : ICollectionFixture<MetricsSite>;

/// <summary>The site on a real Kestrel port for readers, with <c>Metrics:Port</c> set to a second one.</summary>
public sealed class MetricsSite : IAsyncLifetime
{
    public CapturedLog Log { get; } = new();

    public NewsPortalFactory Factory { get; private set; } = null!;

    public Uri Readers { get; private set; } = null!;

    public Uri Metrics { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var port = FreePort();
        Factory = new NewsPortalFactory { ConfigureServices = services => services.AddSingleton<ILogEventSink>(Log) };
        Factory.Settings["Metrics:Port"] = port.ToString(CultureInfo.InvariantCulture);
        Factory.Settings["Search:MaxConcurrent"] = "1";
        Factory.Settings["Search:MaxWaitSeconds"] = "0";
        Factory.Settings["Search:RequestsPerMinutePerIp"] = "100000";
        Factory.Settings["Privacy:RequestsPerHourPerIp"] = "1";
        Factory.Settings["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Information";
        Readers = await Factory.StartOnKestrelAsync();
        Metrics = new Uri($"http://127.0.0.1:{port}/");
    }

    private readonly List<(NewsPortalFactory Site, Action? Then)> _others = [];

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        foreach (var (site, then) in _others)
        {
            await site.DisposeAsync();
            then?.Invoke();
        }
    }

    /// <summary>
    /// A second site in this process for a test whose event happens there, kept until the collection ends. Each host
    /// has its own ASP.NET Core meters under the same names as this one's; OpenTelemetry keeps one stream per name, and
    /// a host disposed half-way takes that stream out of this site's scrape (http_server_* would vanish).
    /// <paramref name="then"/> runs once the site is disposed (a folder to delete).
    /// </summary>
    public NewsPortalFactory Other(NewsPortalFactory site, Action? then = null)
    {
        _others.Add((site, then));
        return site;
    }

    /// <summary>
    /// A port nobody listens on now. Metrics:Port is fixed by design (Prometheus is told it), so the test takes one the
    /// system just handed out and gave back.
    /// </summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public HttpClient Reader() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Readers };

    /// <summary>The scrape's text, as Prometheus gets it.</summary>
    public async Task<string> ScrapeAsync()
    {
        using var client = new HttpClient { BaseAddress = Metrics };
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The scrape answered {(int)response.StatusCode}: {text}");
        return text;
    }

    /// <summary>The value of one series (name and exact label set as the exporter writes them), 0 when absent.</summary>
    public async Task<double> ValueAsync(string series) => ValueIn(await ScrapeAsync(), series);

    public static double ValueIn(string scrape, string series)
    {
        foreach (var line in scrape.Split('\n'))
        {
            if (line.StartsWith(series + " ", StringComparison.Ordinal) || SameSeries(line, series))
            {
                // name{labels} value [timestamp]; label values here never hold a space or a brace.
                var rest = line.Contains('{', StringComparison.Ordinal) ? line[(line.LastIndexOf('}') + 1)..] : line[line.IndexOf(' ', StringComparison.Ordinal)..];
                var value = rest.Trim().Split(' ')[0];
                return double.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    /// <summary>The exporter adds labels of its own (otel_scope_name and the like); the series is matched on those asked for.</summary>
    private static bool SameSeries(string line, string series)
    {
        var name = series.Split('{')[0];
        if (!line.StartsWith(name + "{", StringComparison.Ordinal))
        {
            return false;
        }

        var wanted = series.Contains('{', StringComparison.Ordinal) ? series[(name.Length + 1)..^1].Split(',') : [];
        var labels = line[(name.Length + 1)..line.IndexOf('}', StringComparison.Ordinal)];
        return wanted.All(w => labels.Split(',').Contains(w));
    }

    /// <summary>
    /// Waits (bounded: 10 s, or <paramref name="within"/> for work done in the background) until the series has moved
    /// past <paramref name="before"/>, and says what it saw if not.
    /// </summary>
    public async Task<double> MovedAsync(string series, double before, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        string scrape;
        do
        {
            scrape = await ScrapeAsync();
            var now = ValueIn(scrape, series);
            if (now > before)
            {
                return now;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < until);

        var seen = string.Join('\n', scrape.Split('\n').Where(l => l.StartsWith(series.Split('{')[0], StringComparison.Ordinal)));
        Assert.Fail($"{series} stayed at {before}. The scrape had:\n{seen}");
        return before;
    }
}
