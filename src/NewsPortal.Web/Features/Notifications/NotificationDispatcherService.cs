using Microsoft.Extensions.Options;

namespace NewsPortal.Web.Features.Notifications;

/// <summary>Runs <see cref="NotificationDispatcher"/> every scan interval; logs every failure but cancellation.</summary>
public sealed partial class NotificationDispatcherService : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly NotificationOptions _options;
    private readonly ILogger<NotificationDispatcherService> _logger;

    public NotificationDispatcherService(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, ILogger<NotificationDispatcherService> logger)
    {
        _scopes = scopes;
        _options = options.Value;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = _scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().RunOnceAsync(stoppingToken);
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
                await Task.Delay(_options.ScanInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The notification dispatcher's pass failed; it tries again shortly")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
