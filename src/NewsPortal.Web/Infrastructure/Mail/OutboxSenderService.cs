namespace NewsPortal.Web.Infrastructure.Mail;

/// <summary>
/// Runs <see cref="OutboxSender"/> every poll interval (<c>Outbox:PollInterval</c>). Catches and logs everything but cancellation: a mail server that is down must not stop the site.
/// </summary>
public sealed partial class OutboxSenderService(OutboxSender sender, IOptions<OutboxOptions> options, ILogger<OutboxSenderService> logger) : Hosting.PeriodicBackgroundService
{
    private readonly OutboxOptions _options = options.Value;

    protected override bool Enabled => _options.Enabled;

    protected override TimeSpan Interval => _options.PollInterval;

    protected override Task RunOnceAsync(CancellationToken stoppingToken) => sender.SendDueAsync(stoppingToken);

    protected override void LogFailure(Exception exception) => LogPassFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox sender's pass failed; it tries again shortly")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
