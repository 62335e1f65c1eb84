namespace NewsPortal.TopologyTests.TestSupport;

/// <summary>
/// One instance of the published site: <c>dotnet NewsPortal.Web.dll --urls http://127.0.0.1:port</c> run from the
/// publish folder (the content root, where wwwroot and the static-asset manifest live), as the Dockerfile does.
/// It is ready when <c>GET /healthz/ready</c> answers 200.
/// </summary>
public sealed class SiteInstance : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly ProcessGuard _guard;
    private readonly string _dotnet;
    private readonly string _publishDirectory;
    private readonly IReadOnlyDictionary<string, string?> _environment;
    private readonly HttpClient _probe;
    private ChildProcess? _process;

    public SiteInstance(
        string name, int port, ProcessGuard guard, string dotnet, string publishDirectory, string logDirectory,
        IReadOnlyDictionary<string, string?> environment, int? metricsPort = null)
    {
        Name = name;
        Port = port;
        MetricsPort = metricsPort;
        if (metricsPort is { } metrics)
        {
            environment = new Dictionary<string, string?>(environment) { ["Metrics__Port"] = metrics.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }

        _guard = guard;
        _dotnet = dotnet;
        _publishDirectory = publishDirectory;
        _environment = environment;
        LogPath = Path.Combine(logDirectory, $"site-{name}.log");
        _probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>"A" or "B".</summary>
    public string Name { get; }

    public int Port { get; }

    /// <summary>The Prometheus scrape's port (<c>Metrics:Port</c>), beside the readers' one.</summary>
    public int? MetricsPort { get; }

    public Uri BaseAddress => Loopback.Url(Port);

    /// <summary>How nginx names this instance in <c>$upstream_addr</c>.</summary>
    public string UpstreamAddress => $"127.0.0.1:{Port}";

    public string LogPath { get; }

    public bool IsRunning => _process is { HasExited: false };

    public async Task StartAsync()
    {
        if (!IsRunning)
        {
            _process = await ChildProcess.RestartAsync(
                Interlocked.Exchange(ref _process, null),
                _guard,
                (_dotnet, [Path.Combine(_publishDirectory, "NewsPortal.Web.dll"), "--urls", BaseAddress.ToString().TrimEnd('/')], _publishDirectory, LogPath),
                _environment,
                async () => (await ReadinessAsync()).Status == HttpStatusCode.OK,
                StartTimeout,
                $"Site instance {Name} on {BaseAddress}");
        }
    }

    /// <summary>SIGKILL: no graceful shutdown, requests in flight are cut off, as when a machine dies.</summary>
    public void Kill() => _process?.Kill();

    /// <summary>
    /// Sends <paramref name="signal"/> (a name <c>kill -s</c> takes) and returns: <c>STOP</c> freezes the process, whose
    /// listening socket still accepts connections (the kernel completes them) but nothing reads what arrives on them.
    /// </summary>
    public async Task SignalAsync(string signal)
    {
        var process = _process ?? throw new InvalidOperationException($"{this} is not running.");
        using var kill = System.Diagnostics.Process.Start("kill", ["-s", signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.True(kill.ExitCode == 0, $"kill -s {signal} {process.Id} failed with exit code {kill.ExitCode}.");
    }

    /// <summary>
    /// Connections to this instance holding bytes it has not read (<c>/proc/net/tcp</c>: established, local port
    /// <see cref="Port"/>, receive queue above zero): requests that were sent to it and not yet taken in.
    /// </summary>
    public int UnreadConnections() =>
        File.ReadLines("/proc/net/tcp").Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Count(f => f[3] == "01"
                && int.Parse(f[1].Split(':')[1], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) == Port
                && long.Parse(f[4].Split(':')[1], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) > 0);

    /// <summary>
    /// Sends <paramref name="signal"/> (a name <c>kill -s</c> takes, e.g. <c>KILL</c>) and waits until the process has
    /// died of it.
    /// </summary>
    public async Task DieOfSignalAsync(string signal)
    {
        var process = _process ?? throw new InvalidOperationException($"{this} is not running.");
        using (var kill = System.Diagnostics.Process.Start("kill", ["-s", signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        if (!await process.WaitForExitAsync(TimeSpan.FromSeconds(10)))
        {
            throw new InvalidOperationException($"{this} did not die of SIG{signal} within 10 s.");
        }
    }

    /// <summary><c>GET /healthz/ready</c> on this instance: status and body, or null status when nothing answers.</summary>
    public async Task<(HttpStatusCode? Status, string Body)> ReadinessAsync()
    {
        try
        {
            using var response = await _probe.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>Polls readiness until it is 200 and Healthy; returns the last answer either way.</summary>
    public async Task<(bool Healthy, HttpStatusCode? Status, string Body)> WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var last = (Status: (HttpStatusCode?)null, Body: string.Empty);
        var healthy = await Loopback.WaitUntilAsync(
            async () =>
            {
                last = await ReadinessAsync();
                return last.Status == HttpStatusCode.OK && IsHealthy(last.Body);
            },
            timeout,
            TimeSpan.FromMilliseconds(250));
        return (healthy, last.Status, last.Body);
    }

    /// <summary>A readiness body that says Healthy (plain, or in a JSON report) and nothing worse.</summary>
    public static bool IsHealthy(string readinessBody) =>
        readinessBody.Contains("Healthy", StringComparison.Ordinal)
        && !readinessBody.Contains("Unhealthy", StringComparison.Ordinal)
        && !readinessBody.Contains("Degraded", StringComparison.Ordinal);

    public string LogTail(int lines = 40) => ChildProcess.ReadTail(LogPath, lines);

    public override string ToString() => $"instance {Name} ({BaseAddress})";

    public void Dispose()
    {
        _process?.Dispose();
        _probe.Dispose();
    }
}
