namespace NewsPortal.Web.Infrastructure.Media;

/// <summary>Wakes the processing job at once after an upload instead of at its next poll.</summary>
public sealed class MediaWorkSignal : Hosting.WorkSignal;

/// <summary>
/// Runs <see cref="MediaProcessor"/> at start (so a restart finishes what a killed process left), after each upload,
/// and every <c>Media:ProcessingPollInterval</c> (for uploads another instance took and leases that ran out).
/// Every failure but the host's stopping is logged and the loop goes on.
/// </summary>
public sealed partial class MediaProcessingService(IServiceScopeFactory scopes, MediaWorkSignal signal, IOptions<MediaOptions> options, ILogger<MediaProcessingService> logger)
    : Hosting.ScopedPeriodicService<MediaProcessor>(scopes, options.Value.ProcessingEnabled, options.Value.ProcessingPollInterval)
{
    protected override Task RunAsync(MediaProcessor processor, IServiceProvider services, CancellationToken stoppingToken) =>
        processor.RunOnceAsync(stoppingToken);

    protected override Task WaitAsync(CancellationToken stoppingToken) => signal.WaitAsync(Interval, stoppingToken);

    protected override void LogFailure(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Media processing pass failed; the next pass tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
