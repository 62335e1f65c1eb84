using Serilog.Core;
using Serilog.Events;

namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>
/// What the site logs, kept for the test to read. The site's Serilog set-up adds every <see cref="ILogEventSink"/>
/// registered in its services (<c>ReadFrom.Services</c>), so register this one with
/// <c>services.AddSingleton&lt;ILogEventSink&gt;(log)</c>.
/// </summary>
public sealed class CapturedLog : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    public IReadOnlyList<LogEvent> Events => [.. _events];

    /// <summary>Every event at Error or above, rendered with its exception, for an assertion's message.</summary>
    public IReadOnlyList<string> Errors =>
        [.. _events.Where(e => e.Level >= LogEventLevel.Error).Select(e => $"{e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)} {e.Exception}")];

    /// <summary>
    /// <see cref="Errors"/> without Kestrel's "automatic draining of the request body failed because the body reader is
    /// in an invalid state" (<c>Reading is already in progress</c>): when a client resets its connection while the
    /// site awaits the body, Kestrel's own body reader can be left mid-read and its drain after the (already
    /// answered) request logs this, whatever the application did (dotnet/aspnetcore#17840). Only for tests whose
    /// client resets the connection on purpose.
    /// </summary>
    public IReadOnlyList<string> ErrorsBesidesKestrelsDrainAfterAReset =>
        [.. _events.Where(e => e.Level >= LogEventLevel.Error && !IsKestrelsDrainAfterAReset(e))
            .Select(e => $"{e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)} {e.Exception}")];

    private static bool IsKestrelsDrainAfterAReset(LogEvent e) =>
        e.Exception is InvalidOperationException { Message: "Reading is already in progress." }
        && e.MessageTemplate.Text.Contains("automatic draining of the request body failed", StringComparison.Ordinal);

    /// <summary>Waits until the request log has an event for <paramref name="path"/> (the request is over), or the timeout passes.</summary>
    public async Task<LogEvent?> RequestLoggedAsync(string path, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            var logged = _events.FirstOrDefault(e =>
                e.Properties.TryGetValue("RequestPath", out var value) && value is ScalarValue { Value: string p } && p == path
                && e.Properties.ContainsKey("StatusCode"));
            if (logged is not null)
            {
                return logged;
            }

            await Task.Delay(50);
        }

        return null;
    }
}
