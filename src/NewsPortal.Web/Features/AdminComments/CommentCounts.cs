namespace NewsPortal.Web.Features.AdminComments;

/// <summary>
/// How many comments each status holds, for the dashboard, the queue's tabs and its pager; one per instance.
/// Pending, the number moderators work down, is counted on every call while it is at most <see cref="LivePendingLimit"/>:
/// that stops after one short range of the (Status, CreatedAt) index, so a moderator's click moves it on the next page
/// on any instance. Everything else grows with the archive (approved is most of a million rows on a ten-year site, a
/// count of it a few hundred milliseconds), so it is counted at most once per <see cref="MaxAge"/>: by one request,
/// while any others meanwhile use the previous numbers. This instance's own moderation moves those numbers at once
/// (<see cref="Moved"/>); changes made elsewhere (another instance, a reader's comment the rules approve) show within
/// <see cref="MaxAge"/>. A queue longer than the limit shows that recent number too: at that length one click is not news.
/// </summary>
public sealed class CommentCounts(TimeProvider time) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    public const int LivePendingLimit = 10_000;

    private readonly SemaphoreSlim _counting = new(1, 1);
    private Snapshot? _snapshot;

    public async Task<StatusCounts> GetAsync(NewsDbContext db, CancellationToken cancellationToken)
    {
        var snapshot = await SnapshotAsync(db, cancellationToken);
        var pending = await db.Comments
            .Where(c => c.Status == CommentStatus.Pending)
            .OrderBy(c => c.CreatedAt)
            .Select(c => c.Id)
            .Take(LivePendingLimit + 1)
            .CountAsync(cancellationToken);
        var counts = new int[snapshot.Counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = Math.Max(0, Volatile.Read(ref snapshot.Counts[i]));
        }

        var pendingIsLive = pending <= LivePendingLimit;
        counts[(int)CommentStatus.Pending] = pendingIsLive ? pending : Math.Max(pending, counts[(int)CommentStatus.Pending]);
        return new StatusCounts(counts, pendingIsLive);
    }

    /// <summary>One comment changed status on this instance (or was added, with <paramref name="from"/> null).</summary>
    public void Moved(CommentStatus? from, CommentStatus to)
    {
        if (Volatile.Read(ref _snapshot) is not { } snapshot)
        {
            return;
        }

        if (from is { } before)
        {
            Interlocked.Decrement(ref snapshot.Counts[(int)before]);
        }

        Interlocked.Increment(ref snapshot.Counts[(int)to]);
    }

    /// <summary>
    /// Forgets the numbers, so the next call counts again: for whoever wrote rows behind the site's back (a bulk
    /// import, the tests) and does not want to wait <see cref="MaxAge"/>.
    /// </summary>
    public void Forget() => Volatile.Write(ref _snapshot, null);

    public void Dispose() => _counting.Dispose();

    private async Task<Snapshot> SnapshotAsync(NewsDbContext db, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _snapshot);
        if (current is not null && time.GetUtcNow() - current.CountedAt < MaxAge)
        {
            return current;
        }

        // Someone is counting already: use the previous numbers rather than queue behind the count.
        if (current is not null && !await _counting.WaitAsync(TimeSpan.Zero, cancellationToken))
        {
            return current;
        }

        if (current is null)
        {
            await _counting.WaitAsync(cancellationToken);
        }

        try
        {
            current = Volatile.Read(ref _snapshot);
            if (current is not null && time.GetUtcNow() - current.CountedAt < MaxAge)
            {
                return current;
            }

            var countedAt = time.GetUtcNow();
            var rows = await db.Comments.AsNoTracking()
                .GroupBy(c => c.Status)
                .Select(g => new { Status = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var counts = new int[Enum.GetValues<CommentStatus>().Max(s => (int)s) + 1];
            foreach (var row in rows)
            {
                counts[(int)row.Status] = row.Count;
            }

            var fresh = new Snapshot(counts, countedAt);
            Volatile.Write(ref _snapshot, fresh);
            return fresh;
        }
        finally
        {
            _counting.Release();
        }
    }

    private sealed class Snapshot(int[] counts, DateTimeOffset countedAt)
    {
        public int[] Counts { get; } = counts;
        public DateTimeOffset CountedAt { get; } = countedAt;
    }
}

/// <summary>Comments per status: pending counted just now (while the queue is short), the others at most <see cref="CommentCounts.MaxAge"/> old.</summary>
public sealed class StatusCounts(int[] counts, bool pendingIsLive)
{
    private readonly int[] _counts = counts;
    private readonly bool _pendingIsLive = pendingIsLive;

    public int this[CommentStatus status] => _counts[(int)status];

    /// <summary>Whether the number was counted for this request, or may be up to <see cref="CommentCounts.MaxAge"/> old.</summary>
    public bool IsLive(CommentStatus status) => status == CommentStatus.Pending && _pendingIsLive;
}
