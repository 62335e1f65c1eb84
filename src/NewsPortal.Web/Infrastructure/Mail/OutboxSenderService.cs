using Microsoft.Extensions.Options;

namespace NewsPortal.Web.Infrastructure.Mail;

/// <summary>
/// Runs <see cref="OutboxSender"/> every poll interval (<c>Outbox:PollInterval</c>). Catches and logs everything but cancellation: a mail server that is down must not stop the site.
/// </summary>
public sealed partial class OutboxSenderService : BackgroundService
{
    private readonly OutboxSender _sender;
    private readonly OutboxOptions _options;
    private readonly ILogger<OutboxSenderService> _logger;

    public OutboxSenderService(OutboxSender sender, IOptions<OutboxOptions> options, ILogger<OutboxSenderService> logger)
    {
        _sender = sender;
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
                await _sender.SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A background sender logs every failure and tries again; it must never stop the host.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogPassFailed(_logger, ex);
            }

            try
            {
                await Task.Delay(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox sender's pass failed; it tries again shortly")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
