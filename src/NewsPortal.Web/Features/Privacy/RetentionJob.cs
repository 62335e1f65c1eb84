namespace NewsPortal.Web.Features.Privacy;

/// <summary>
/// Clears IP address and user agent from comments older than <c>Privacy:RetainClientDataDays</c> (and the reporter's
/// address and IP hash from reports decided longer ago than that), deletes outbox rows (sent or failed) older than
/// <c>Outbox:RetainDays</c>, and privacy request rows past their mail cool-down. Comments are cleared in batches of <see cref="Batch"/>, each in one transaction with
/// their search index rows (the moderation queue's index holds the IP address too), walking up the ids so a large
/// first run never reads a cleared row twice. Every step is idempotent: several instances running it at once do no harm.
/// </summary>
public sealed class RetentionJob(NewsDbContext db, TimeProvider time, IOptions<PrivacyOptions> privacy, IOptions<OutboxOptions> outbox)
{
    public const int Batch = 500;

    private readonly PrivacyOptions _privacy = privacy.Value;
    private readonly OutboxOptions _outbox = outbox.Value;

    public async Task<(int Comments, int Messages)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var commentsBefore = now.AddDays(-_privacy.RetainClientDataDays);
        var messagesBefore = now.AddDays(-_outbox.RetainDays);
        var comments = 0;
        var after = 0;
        while (true)
        {
            var last = after;
            var ids = await db.Comments
                .Where(c => c.Id > last && c.CreatedAt < commentsBefore && (c.IpAddress != null || c.UserAgent != null))
                .OrderBy(c => c.Id).Select(c => c.Id).Take(Batch)
                .ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.Comments
                    .Where(c => ids.Contains(c.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.IpAddress, (string?)null).SetProperty(c => c.UserAgent, (string?)null), cancellationToken);
                await Infrastructure.Search.SearchIndexInterceptor.WriterFor(db).ForgetIpAddressesAsync(ids, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
            comments += ids.Count;
            after = ids[^1];
            if (ids.Count < Batch)
            {
                break;
            }
        }

        var messages = await db.OutboxMessages
            .Where(m => m.CreatedAt < messagesBefore && m.Status != OutboxStatus.Pending)
            .ExecuteDeleteAsync(cancellationToken);

        // A reader's report keeps their address (for the outcome) and a keyed hash of their IP (one report per
        // reader) only until it is decided; past the same limit both go. An undecided report still needs them.
        await db.CommentReports
            .Where(r => r.DecidedAt != null && r.DecidedAt < commentsBefore && (r.ReporterEmail != null || r.IpKey != null))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReporterEmail, (string?)null).SetProperty(r => r.IpKey, (string?)null), cancellationToken);
        // A privacy request row (a keyed hash of an address) is needed only for its mail cool-down.
        var requestsBefore = now.AddMinutes(-_privacy.MailCooldownMinutes);
        await db.PrivacyRequests.Where(r => r.LastRequestAt < requestsBefore).ExecuteDeleteAsync(cancellationToken);
        return (comments, messages);
    }
}

public sealed partial class RetentionService(IServiceScopeFactory scopes, IOptions<PrivacyOptions> options, ILogger<RetentionService> logger) : Infrastructure.Hosting.ScopedPeriodicService<RetentionJob>(scopes, options.Value.RetentionEnabled, options.Value.RetentionInterval)
{
    protected override async Task RunAsync(RetentionJob job, IServiceProvider services, CancellationToken stoppingToken)
    {
        var (comments, messages) = await job.RunOnceAsync(stoppingToken);
        if (comments + messages > 0)
        {
            LogCleared(logger, comments, messages);
        }
    }

    protected override void LogFailure(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: cleared the IP address and user agent of {Comments} comments, deleted {Messages} old outbox messages")]
    private static partial void LogCleared(ILogger logger, int comments, int messages);

    [LoggerMessage(Level = LogLevel.Error, Message = "The retention job failed; it tries again at its next turn")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
