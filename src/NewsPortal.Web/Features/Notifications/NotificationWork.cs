namespace NewsPortal.Web.Features.Notifications;

/// <summary>
/// What every step of <see cref="NotificationDispatcher"/> works with (one per scope, so the steps share the context
/// and its transaction), and the one way a step saves: of two instances doing the same step, the second's save fails
/// its concurrency or unique check and it adds nothing.
/// </summary>
public sealed partial class NotificationWork(
    NewsDbContext db, Outbox outbox, MailLinks links, TimeProvider time, IOptions<NotificationOptions> options, ILogger<NotificationWork> logger)
{
    private const int QuoteLength = 1_000;


    public NewsDbContext Db { get; } = db;

    public Outbox Outbox { get; } = outbox;

    public MailLinks Links { get; } = links;

    public NotificationOptions Options { get; } = options.Value;

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Another instance did the same step first: its messages stand, these are dropped. Any other failure is logged
    /// and the step's work is left for the next pass, so one bad row does not stop the steps after it.
    /// </summary>
    public async Task SaveOrLoseRaceAsync(string step, CancellationToken cancellationToken)
    {
        try
        {
            await Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            Forget(step, ex);
        }
    }

    /// <summary>After a failed save: drops what the step added; a lost race is expected, anything else is logged.</summary>
    public void Forget(string step, DbUpdateException exception)
    {
        Db.ChangeTracker.Clear();
        if (exception is not DbUpdateConcurrencyException && !DatabaseErrors.IsUniqueViolation(exception))
        {
            LogSaveFailed(logger, step, exception);
        }
    }

    /// <summary>A comment's text as a mail quotes it: plain, trimmed, at most 1,000 characters.</summary>
    public static string Clip(string text)
    {
        text = text.Trim();
        return text.Length <= QuoteLength ? text : text[..QuoteLength] + "…";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The notification dispatcher could not save its {Step}; it tries again on its next pass")]
    private static partial void LogSaveFailed(ILogger logger, string step, Exception exception);
}
