namespace NewsPortal.Web.Features.Notifications;

/// <summary>Runs <see cref="NotificationDispatcher"/> every scan interval; logs every failure but cancellation.</summary>
public sealed partial class NotificationDispatcherService(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, ILogger<NotificationDispatcherService> logger) : Infrastructure.Hosting.ScopedPeriodicService<NotificationDispatcher>(scopes, options.Value.Enabled, options.Value.ScanInterval)
{
    protected override Task RunAsync(NotificationDispatcher dispatcher, IServiceProvider services, CancellationToken stoppingToken) =>
        dispatcher.RunOnceAsync(stoppingToken);

    protected override void LogFailure(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The notification dispatcher's pass failed; it tries again shortly")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
