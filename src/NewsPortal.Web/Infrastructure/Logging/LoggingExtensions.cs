using Serilog;
using Serilog.Events;

namespace NewsPortal.Web.Infrastructure.Logging;

public static class LoggingExtensions
{
    /// <summary>
    /// Serilog from the "Serilog" configuration section. The shipped configuration writes through the async
    /// sink, so a request never waits on the console. Each host logs through its own logger, never the process-wide
    /// static one: two instances in one process (as the tests run them) would otherwise write through whichever
    /// started last.
    /// </summary>
    public static WebApplicationBuilder AddNewsLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.With<ActivityTraceEnricher>(),
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// One summary event per request (method, path, status, time) instead of several framework events. A request
    /// the client abandoned is not the site's error, so it is not logged as one.
    /// </summary>
    public static IApplicationBuilder UseNewsRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            // Every 503 this site sends is a deliberate answer (a busy search bulkhead, the SQLite write gate, readiness
            // while the database is away), not a failure: a warning, so a flood of them does not bury real errors.
            o.GetLevel = (context, _, exception) =>
                context.RequestAborted.IsCancellationRequested ? LogEventLevel.Information
                : exception is null && context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable ? LogEventLevel.Warning
                : exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/healthz") ? LogEventLevel.Verbose
                : LogEventLevel.Information;
        });
}
