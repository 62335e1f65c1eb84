namespace NewsPortal.Web.Infrastructure.Telemetry;

/// <summary>
/// The Prometheus scrape on a Kestrel listener of its own, on <see cref="MetricsOptions.Port"/>, serving
/// <see cref="TelemetryExtensions.ScrapePath"/> and a 404 for anything else. Not one more address of the site's
/// server: Kestrel serves either the endpoints set in code or the URLs (--urls, ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS),
/// never both, so an endpoint added for metrics would silently drop the readers' URLs (or be dropped beside a host's
/// own endpoints). Apart, the readers' port cannot serve the scrape whatever a request's Host says, and the metrics port
/// serves none of the site.
/// </summary>
internal sealed class MetricsServer(IOptions<MetricsOptions> options, MeterProvider meters, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly int _port = options.Value.Port ?? throw new InvalidOperationException("The metrics server runs only with Metrics:Port set.");
    private WebApplication? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Empty: none of the site's configuration (its URLs above all) reaches this listener.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.ListenAnyIP(_port));
        builder.Services.AddSingleton(loggers);
        var server = builder.Build();
        server.UseOpenTelemetryPrometheusScrapingEndpoint(
            meters, context => context.Request.Path == TelemetryExtensions.ScrapePath, path: null, configureBranchedPipeline: null, optionsName: null);
        server.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        try
        {
            await server.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            await server.DisposeAsync();
            throw new StartupConfigurationException($"Metrics:Port: cannot listen on port {_port} ({ex.Message}). Give the scrape a port nothing else uses, not one of the readers'.");
        }

        _server = server;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
