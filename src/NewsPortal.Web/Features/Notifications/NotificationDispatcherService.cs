using Microsoft.Extensions.Options;

namespace NewsPortal.Web.Features.Notifications;

/// <summary>Runs <see cref="NotificationDispatcher"/> every scan interval; logs every failure but cancellation.</summary>
public sealed partial class NotificationDispatcherService : Infrastructure.Hosting.PeriodicBackgroundService
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

    protected override bool Enabled => _options.Enabled;

    protected override TimeSpan Interval => _options.ScanInterval;

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().RunOnceAsync(stoppingToken);
    }

    protected override void LogFailure(Exception exception) => LogFailed(_logger, exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The notification dispatcher's pass failed; it tries again shortly")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
