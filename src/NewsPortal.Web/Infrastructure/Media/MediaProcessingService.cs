namespace NewsPortal.Web.Infrastructure.Media;

/// <summary>Wakes the processing job at once after an upload instead of at its next poll.</summary>
public sealed class MediaWorkSignal : Hosting.WorkSignal;

/// <summary>
/// Runs <see cref="MediaProcessor"/> at start (so a restart finishes what a killed process left), after each upload,
/// and every <c>Media:ProcessingPollInterval</c> (for uploads another instance took and leases that ran out).
/// Every failure but the host's stopping is logged and the loop goes on.
/// </summary>
public sealed partial class MediaProcessingService(IServiceScopeFactory scopes, MediaWorkSignal signal, IOptions<MediaOptions> options, ILogger<MediaProcessingService> logger) : BackgroundService
{
    private readonly MediaOptions _options = options.Value;
    private readonly ILogger<MediaProcessingService> _logger = logger;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.ProcessingEnabled)
        {
            return;
        }

        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<MediaProcessor>().RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A background job logs every failure and tries again; it must never stop the host.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(_logger, ex);
            }

            try
            {
                await signal.WaitAsync(_options.ProcessingPollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Media processing pass failed; the next pass tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
