using NewsPortal.Web.Features.Comments;

namespace NewsPortal.Web.Features.AdminDashboard;

/// <summary>
/// Computes the dashboard's daily rows from the source tables (comments, their history, reports) and replaces those
/// of the days asked for, in one transaction. Idempotent: the same days computed twice give the same rows, so the
/// periodic job (today and yesterday) and a rebuild (<see cref="RebuildDays"/> days) can both run it.
/// Every read is bounded by the days asked for: comments created in them, history and reports since their start, and
/// the oldest held comments (one index range), never a scan of the archive.
/// </summary>
public sealed class DailyStatsBuilder(NewsDbContext db, SiteDays days, DashboardChartsCache charts)
{
    /// <summary>What a rebuild recomputes: the longest span a chart shows, and today.</summary>
    public const int RebuildDays = DashboardCharts.Days;

    private readonly SiteDays _days = days;

    /// <summary>Staff decisions only: the history also records authors' own edits and readers' reports.</summary>
    internal static bool IsStaff(string changedBy) =>
        changedBy != OwnCommentService.AuthorActor && changedBy != CommentReportService.ReadersActor;

    public Task RebuildAsync(CancellationToken cancellationToken) =>
        RecomputeAsync(_days.Today.AddDays(-(RebuildDays - 1)), _days.Today, cancellationToken);

    public async Task RecomputeAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var now = _days.UtcNow;
        var start = _days.StartOf(first);
        var end = _days.StartOf(last.AddDays(1));

        var comments = await CommentRowsAsync(start, end, cancellationToken);
        var history = await db.CommentHistory.AsNoTracking()
            .Where(h => h.ChangedAt >= start && h.FromStatus != h.ToStatus)
            .OrderBy(h => h.ChangedAt).ThenBy(h => h.Id)
            .Select(h => new Change(h.CommentId, h.ChangedAt, h.ChangedBy, h.FromStatus, h.ToStatus))
            .ToListAsync(cancellationToken);
        var queue = await QueueRowsAsync(first, last, history, now, cancellationToken);
        var reports = await ReportRowsAsync(start, end, cancellationToken);

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.DailyCommentStats.Where(s => s.Day >= first && s.Day <= last).ExecuteDeleteAsync(cancellationToken);
            await db.DailyModerationStats.Where(s => s.Day >= first && s.Day <= last).ExecuteDeleteAsync(cancellationToken);
            await db.DailyQueueStats.Where(s => s.Day >= first && s.Day <= last).ExecuteDeleteAsync(cancellationToken);
            await db.DailyReportStats.Where(s => s.Day >= first && s.Day <= last).ExecuteDeleteAsync(cancellationToken);
            db.DailyCommentStats.AddRange(comments);
            db.DailyModerationStats.AddRange(ModerationRows(history.Where(h => h.At < end)));
            db.DailyQueueStats.AddRange(queue);
            db.DailyReportStats.AddRange(reports);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        });
        charts.Changed();
    }

    /// <summary>Each comment counted on the day it was posted, under the status the rules gave it then.</summary>
    private async Task<List<DailyCommentStats>> CommentRowsAsync(DateTime start, DateTime end, CancellationToken cancellationToken)
    {
        var posted = await db.Comments.AsNoTracking()
            .Where(c => c.CreatedAt >= start && c.CreatedAt < end && !c.IsStaffReply)
            .Select(c => new
            {
                c.ArticleId,
                c.CreatedAt,
                c.Status,

                // The status before the first change is the one the rules gave; no change: it still has it.
                First = db.CommentHistory.Where(h => h.CommentId == c.Id).OrderBy(h => h.ChangedAt).ThenBy(h => h.Id)
                    .Select(h => (CommentStatus?)h.FromStatus).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return posted
            .GroupBy(c => (Day: _days.DayOf(c.CreatedAt), c.ArticleId))
            .Select(g => new DailyCommentStats
            {
                Day = g.Key.Day,
                ArticleId = g.Key.ArticleId,
                Published = g.Count(c => (c.First ?? c.Status) == CommentStatus.Approved),
                Held = g.Count(c => (c.First ?? c.Status) == CommentStatus.Pending),
                Spam = g.Count(c => (c.First ?? c.Status) == CommentStatus.Spam),
            })
            .Where(s => s.Published + s.Held + s.Spam > 0)
            .ToList();
    }

    private IEnumerable<DailyModerationStats> ModerationRows(IEnumerable<Change> history) =>
        history
            .Where(h => IsStaff(h.By))
            .GroupBy(h => (Day: _days.DayOf(h.At), h.By))
            .Select(g => new DailyModerationStats
            {
                Day = g.Key.Day,
                Moderator = g.Key.By,
                Approved = g.Count(h => h.To == CommentStatus.Approved),
                Rejected = g.Count(h => h.To == CommentStatus.Rejected),
                Spam = g.Count(h => h.To == CommentStatus.Spam),
                Trashed = g.Count(h => h.To == CommentStatus.Trash),
                Requeued = g.Count(h => h.To == CommentStatus.Pending),
            });

    /// <summary>
    /// The queue at the end of each day, worked back from the queue now: a comment was held at moment T when it was
    /// posted by then and either its first change after T left Pending, or nothing changed it after T and it is held
    /// now. Only the comments changed since the first day's start need their history; the rest are held now or not.
    /// </summary>
    private async Task<List<DailyQueueStats>> QueueRowsAsync(
        DateOnly first, DateOnly last, List<Change> history, DateTime now, CancellationToken cancellationToken)
    {
        var changedIds = history.Select(h => h.CommentId).Distinct().ToList();
        var changed = new Dictionary<int, (DateTime CreatedAt, CommentStatus Status)>();
        foreach (var chunk in changedIds.Chunk(500))
        {
            foreach (var c in await db.Comments.AsNoTracking().Where(c => chunk.Contains(c.Id))
                .Select(c => new { c.Id, c.CreatedAt, c.Status }).ToListAsync(cancellationToken))
            {
                changed[c.Id] = (c.CreatedAt, c.Status);
            }
        }

        // Held now and changed since: at most these can be ahead of an unchanged held comment in the oldest-first order.
        var heldAndChanged = changed.Count(c => c.Value.Status == CommentStatus.Pending);
        var oldestHeld = await db.Comments.AsNoTracking()
            .Where(c => c.Status == CommentStatus.Pending)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.CreatedAt })
            .Take(heldAndChanged + 1)
            .ToListAsync(cancellationToken);
        var byComment = history.GroupBy(h => h.CommentId).ToDictionary(g => g.Key, g => g.ToList());

        var rows = new List<DailyQueueStats>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var moment = _days.StartOf(day.AddDays(1));
            if (moment > now)
            {
                moment = now;
            }

            var heldUnchanged = await db.Comments.AsNoTracking()
                .CountAsync(c => c.Status == CommentStatus.Pending && c.CreatedAt <= moment, cancellationToken);
            var count = 0;
            DateTime? oldest = null;
            foreach (var (id, comment) in changed)
            {
                if (comment.CreatedAt > moment)
                {
                    continue;
                }

                var after = byComment[id].FirstOrDefault(h => h.At > moment);
                if (after is null)
                {
                    // Unchanged since the moment: held then exactly when held now (and so already in the count above).
                    continue;
                }

                if (comment.Status == CommentStatus.Pending)
                {
                    heldUnchanged--;
                }

                if (after.From == CommentStatus.Pending)
                {
                    count++;
                    oldest = oldest is null || comment.CreatedAt < oldest ? comment.CreatedAt : oldest;
                }
            }

            foreach (var held in oldestHeld)
            {
                if (held.CreatedAt > moment)
                {
                    break;
                }

                if (changed.ContainsKey(held.Id) && byComment[held.Id].Any(h => h.At > moment))
                {
                    continue;
                }

                oldest = oldest is null || held.CreatedAt < oldest ? held.CreatedAt : oldest;
                break;
            }

            var decisions = await DecisionWaitsAsync(history, _days.StartOf(day), _days.StartOf(day.AddDays(1)), cancellationToken);
            rows.Add(new DailyQueueStats
            {
                Day = day,
                PendingAtEnd = count + heldUnchanged,
                OldestPendingSeconds = oldest is { } at ? (long)Math.Max(0, (moment - at).TotalSeconds) : 0,
                Decisions = decisions.Count,
                MedianDecisionSeconds = Percentile(decisions, 50),
                P90DecisionSeconds = Percentile(decisions, 90),
                ComputedAt = now,
            });
        }

        return rows;
    }

    /// <summary>
    /// How long each held comment decided by staff in [from, to) had waited: since it was posted, or since it was last
    /// put back in the queue (by readers' reports or a moderator) when that came later.
    /// </summary>
    private async Task<List<long>> DecisionWaitsAsync(List<Change> history, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var decided = history.Where(h => h.At >= from && h.At < to && h.From == CommentStatus.Pending && IsStaff(h.By)).ToList();
        if (decided.Count == 0)
        {
            return [];
        }

        var ids = decided.Select(d => d.CommentId).Distinct().ToList();
        var posted = new Dictionary<int, DateTime>();
        var queued = new List<(int CommentId, DateTime At)>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var c in await db.Comments.AsNoTracking().Where(c => chunk.Contains(c.Id)).Select(c => new { c.Id, c.CreatedAt }).ToListAsync(cancellationToken))
            {
                posted[c.Id] = c.CreatedAt;
            }

            queued.AddRange((await db.CommentHistory.AsNoTracking()
                .Where(h => chunk.Contains(h.CommentId) && h.ToStatus == CommentStatus.Pending && h.FromStatus != CommentStatus.Pending && h.ChangedAt < to)
                .Select(h => new { h.CommentId, h.ChangedAt }).ToListAsync(cancellationToken))
                .Select(h => (h.CommentId, h.ChangedAt)));
        }

        return decided
            .Where(d => posted.ContainsKey(d.CommentId))
            .Select(d =>
            {
                var since = queued.Where(q => q.CommentId == d.CommentId && q.At <= d.At).Select(q => (DateTime?)q.At).Max() ?? posted[d.CommentId];
                return (long)Math.Max(0, (d.At - since).TotalSeconds);
            })
            .ToList();
    }

    /// <summary>Nearest rank: the smallest wait that at least <paramref name="percent"/>% of the waits do not exceed.</summary>
    internal static long? Percentile(List<long> values, int percent)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    private async Task<List<DailyReportStats>> ReportRowsAsync(DateTime start, DateTime end, CancellationToken cancellationToken)
    {
        var received = await db.CommentReports.AsNoTracking()
            .Where(r => r.CreatedAt >= start && r.CreatedAt < end).Select(r => r.CreatedAt).ToListAsync(cancellationToken);
        var decided = await db.CommentReports.AsNoTracking()
            .Where(r => r.DecidedAt >= start && r.DecidedAt < end && r.Decision != null)
            .Select(r => new { DecidedAt = r.DecidedAt!.Value, Decision = r.Decision!.Value }).ToListAsync(cancellationToken);
        var days = received.Select(_days.DayOf).Concat(decided.Select(d => _days.DayOf(d.DecidedAt))).Distinct();
        return days.Select(day => new DailyReportStats
        {
            Day = day,
            Received = received.Count(r => _days.DayOf(r) == day),
            Dismissed = decided.Count(d => d.Decision == ReportDecision.Dismissed && _days.DayOf(d.DecidedAt) == day),
            Hidden = decided.Count(d => d.Decision == ReportDecision.Hidden && _days.DayOf(d.DecidedAt) == day),
            Removed = decided.Count(d => d.Decision == ReportDecision.Removed && _days.DayOf(d.DecidedAt) == day),
        }).ToList();
    }

    private sealed record Change(int CommentId, DateTime At, string By, CommentStatus From, CommentStatus To);
}
