namespace NewsPortal.Web.Infrastructure.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>The standard OpenTelemetry variable: OTLP export (metrics and traces) happens only when it is set.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string ScrapePath = "/metrics";

    /// <summary>
    /// OpenTelemetry metrics (the site's own meters, ASP.NET Core, Kestrel, rate limiting, HttpClient, EF Core, the
    /// runtime) exported to a Prometheus scrape on <see cref="MetricsOptions.Port"/> (<see cref="MetricsServer"/>) and, when
    /// <see cref="OtlpEndpointVariable"/> is set, over OTLP with traces (requests, outgoing HTTP, EF Core commands, Redis
    /// commands, mail sends). Neither set: no pipeline at all.
    /// </summary>
    public static WebApplicationBuilder AddNewsTelemetry(this WebApplicationBuilder builder)
    {
        var port = MetricsPort(builder.Configuration);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]);
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName);
        builder.Services.AddSingleton<SiteGauges>();
        if (port is null && !otlp)
        {
            return builder;
        }

        if (port is not null)
        {
            builder.Services.AddHostedService<MetricsServer>();
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "newsportal"))
            .WithMetrics(m =>
            {
                m.AddMeter(SiteMetrics.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter("Microsoft.AspNetCore.RateLimiting", "Microsoft.EntityFrameworkCore");
                if (port is not null)
                {
                    // Each scrape collects afresh (the exporter's default reuses one for 300 ms): a scrape right after an
                    // event shows it. Prometheus scrapes every few seconds at most, on a port readers cannot reach.
                    m.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                }

                if (otlp)
                {
                    m.AddOtlpExporter();
                }
            });
        if (otlp)
        {
            telemetry.WithTracing(t => t
                // The reader's browser string is theirs, not the site's: dropped, as the client's address never is added.
                .AddAspNetCoreInstrumentation(o => o.EnrichWithHttpRequest = (span, _) => span.SetTag("user_agent.original", null))
                .AddHttpClientInstrumentation()
                // Statement text only (EF Core sends every value as a parameter, and parameters are never recorded).
                .AddEntityFrameworkCoreInstrumentation()
                .AddRedisInstrumentation()
                .ConfigureRedisInstrumentation((services, redis) =>
                    services.GetRequiredService<RedisConnection>().WhenConnected(connection => _ = redis.AddConnection(connection)))
                .AddSource(SiteTracing.MailSourceName)
                .AddOtlpExporter());
        }

        return builder;
    }

    /// <summary>The gauges exist from start, so the first collection already has them.</summary>
    public static WebApplication UseNewsMetrics(this WebApplication app)
    {
        if (!string.IsNullOrWhiteSpace(app.Configuration[OtlpEndpointVariable]) || MetricsPort(app.Configuration) is not null)
        {
            app.Services.GetRequiredService<SiteGauges>();
        }

        return app;
    }

    /// <summary>
    /// For a command run on the built but never started host (<c>import wordpress</c>): OpenTelemetry's hosted service,
    /// which builds the meter pipeline, never runs there, so it is built here. Disposing it when the command ends
    /// exports what was counted, so an import's progress reaches the OTLP collector when one is set (a process that
    /// ends is not scraped). Null when no pipeline is configured.
    /// </summary>
    public static IDisposable? StartCommandMetrics(this WebApplication app) => app.Services.GetService<MeterProvider>();

    private static int? MetricsPort(IConfiguration configuration)
    {
        var text = configuration[$"{MetricsOptions.SectionName}:{nameof(MetricsOptions.Port)}"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? port
            : throw new StartupConfigurationException($"Metrics:Port: '{text}' is not a port number (1-65535).");
    }
}
