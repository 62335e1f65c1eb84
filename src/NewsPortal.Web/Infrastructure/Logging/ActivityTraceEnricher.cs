using Serilog.Core;
using Serilog.Events;

namespace NewsPortal.Web.Infrastructure.Logging;

/// <summary>
/// Adds the current trace and span ids (W3C, as OpenTelemetry exports them) as the properties TraceId and SpanId, so
/// a log line found in the logs leads to its trace and back, in any sink, whatever its template or format.
/// </summary>
public sealed class ActivityTraceEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        if (Activity.Current is not { IdFormat: ActivityIdFormat.W3C } activity)
        {
            return;
        }

        logEvent.AddPropertyIfAbsent(new LogEventProperty("TraceId", new ScalarValue(activity.TraceId.ToHexString())));
        logEvent.AddPropertyIfAbsent(new LogEventProperty("SpanId", new ScalarValue(activity.SpanId.ToHexString())));
    }
}
