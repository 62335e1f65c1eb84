namespace NewsPortal.Web.Features.AdminArticles.Revisions;

/// <summary>
/// Keeps every published revision and each story's newest <c>Newsroom:DraftRevisionsKept</c> unpublished ones; older
/// unpublished ones go. Also clears presence rows long expired. Every step is a delete by a condition, so two instances
/// pruning at once delete the same rows once, and a pass killed half-way is finished by the next.
/// </summary>
public sealed class RevisionPruner(NewsDbContext db, IOptions<RevisionOptions> options, SiteClock clock)
{
    /// <summary>Stories handled per pass: a long backlog is worked off over several passes, each short.</summary>
    public const int StoriesPerPass = 500;

    private readonly RevisionOptions _options = options.Value;

    /// <summary>One pass; returns how many revisions were deleted.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var keep = _options.DraftRevisionsKept;
        var stories = await db.ArticleRevisions
            .Where(r => !r.IsPublished)
            .GroupBy(r => r.ArticleId)
            .Where(g => g.Count() > keep)
            .Select(g => g.Key)
            .OrderBy(id => id)
            .Take(StoriesPerPass)
            .ToListAsync(cancellationToken);
        var deleted = 0;
        foreach (var articleId in stories)
        {
            // The newest unpublished revision past the ones kept; it and every older unpublished one go.
            var cutoff = await db.ArticleRevisions
                .Where(r => r.ArticleId == articleId && !r.IsPublished)
                .OrderByDescending(r => r.Id)
                .Skip(keep)
                .Select(r => (long?)r.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (cutoff is { } last)
            {
                deleted += await db.ArticleRevisions
                    .Where(r => r.ArticleId == articleId && !r.IsPublished && r.Id <= last)
                    .ExecuteDeleteAsync(cancellationToken);
            }
        }

        var stale = clock.UtcNow - PresenceTracker.Expiry - PresenceTracker.Expiry;
        await db.EditingPresence.Where(p => p.LastSeenAt < stale).ExecuteDeleteAsync(cancellationToken);
        return deleted;
    }
}

/// <summary>Runs <see cref="RevisionPruner"/> at start and every ten minutes on every instance (see its note on safety).</summary>
public sealed partial class RevisionPruningService(IServiceScopeFactory scopes, ILogger<RevisionPruningService> logger) : Infrastructure.Hosting.ScopedPeriodicService<RevisionPruner>(scopes, enabled: true, TimeSpan.FromMinutes(10))
{
    protected override Task RunAsync(RevisionPruner pruner, IServiceProvider services, CancellationToken stoppingToken) =>
        pruner.PruneAsync(stoppingToken);

    protected override void LogFailure(Exception exception) => LogPassFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pruning old draft revisions failed; the next pass tries again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
