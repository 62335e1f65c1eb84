namespace NewsPortal.IntegrationTests.Infrastructure.Telemetry;

/// <summary>
/// OTLP export happens exactly when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set: then a collector (here a
/// loopback server that records what is posted to it) receives the site's traces; unset, no pipeline exists at all.
/// </summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Request_WithTheOtlpEndpointSet_ReachesTheCollectorAsATrace()
    {
        await using var collector = await Collector.StartAsync();
        using var factory = new NewsPortalFactory();
        factory.Settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address;
        factory.Settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        // The batch exporter's delay, so the trace leaves within the test's wait rather than after 5 s.
        factory.Settings["OTEL_BSP_SCHEDULE_DELAY"] = "100";
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        var until = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!collector.Paths.Contains("/v1/traces") && DateTime.UtcNow < until)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.True(collector.Paths.Contains("/v1/traces"), $"The collector got: [{string.Join(", ", collector.Paths)}]");
    }

    /// <summary>
    /// The command line import runs on a host that is never started: its counts still leave, when it ends, for the
    /// collector (the OTLP payload is protobuf, in which the instrument's name is plain UTF-8).
    /// </summary>
    [Fact]
    public async Task ImportCommand_WithTheOtlpEndpointSet_SendsTheImportMeterToTheCollector()
    {
        await using var collector = await Collector.StartAsync();
        var export = Path.Combine(AppContext.BaseDirectory, "Features", "WordPressImport", "Fixtures", "replies-before-parents.xml");
        var database = Path.Combine(Path.GetTempPath(), $"otlp-import-{Guid.NewGuid():N}.db");
        (int Code, string Output, string Error) run;
        try
        {
            run = await ProgramCommandLine.ImportAsync(export, new Dictionary<string, string>
            {
                ["ConnectionStrings__NewsPortal"] = $"Data Source={database}",
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            }, TimeSpan.FromSeconds(120));
        }
        finally
        {
            File.Delete(database);
        }

        Assert.True(run.Code == 0, $"exit {run.Code}\n{run.Output}\n{run.Error}");
        var metrics = collector.Bodies.Where(b => b.Path == "/v1/metrics").Select(b => System.Text.Encoding.UTF8.GetString(b.Body)).ToList();
        Assert.True(
            metrics.Any(m => m.Contains("newsportal.import.items", StringComparison.Ordinal)),
            $"The collector got {metrics.Count} metrics export(s) and none with newsportal.import.items; paths: [{string.Join(", ", collector.Paths)}]");
    }

    [Fact]
    public void Start_WithNeitherMetricsPortNorOtlpEndpoint_HasNoTelemetryPipeline()
    {
        using var factory = new NewsPortalFactory();

        Assert.Null(factory.Services.GetService<MeterProvider>());
        Assert.Null(factory.Services.GetService<TracerProvider>());
    }

    /// <summary>Records the path and body of every POST, and answers 200 with an empty body (an OTLP success).</summary>
    private sealed class Collector : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private Collector(WebApplication app, string address)
        {
            _app = app;
            Address = address;
        }

        public ConcurrentBag<string> Paths { get; } = [];

        public ConcurrentQueue<(string Path, byte[] Body)> Bodies { get; } = [];

        public string Address { get; }

        public static async Task<Collector> StartAsync()
        {
            int port;
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }

            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
            var app = builder.Build();
            var collector = new Collector(app, $"http://127.0.0.1:{port}");
            app.Run(async context =>
            {
                collector.Paths.Add(context.Request.Path.Value ?? string.Empty);
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                collector.Bodies.Enqueue((context.Request.Path.Value ?? string.Empty, body.ToArray()));
                context.Response.StatusCode = StatusCodes.Status200OK;
            });
            await app.StartAsync();
            return collector;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
