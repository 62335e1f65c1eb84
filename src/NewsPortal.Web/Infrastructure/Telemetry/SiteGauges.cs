namespace NewsPortal.Web.Infrastructure.Telemetry;

/// <summary>
/// The gauges: read at each collection (a scrape, an OTLP export) from what this host knows, so they cost nothing
/// between scrapes. A failure to read (the database away) yields no value rather than a wrong one.
/// </summary>
public sealed class SiteGauges : IDisposable
{
    private readonly Meter _meter;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<SiteGauges> _logger;
    private readonly TimeProvider _time;

    public SiteGauges(
        IMeterFactory meters, IServiceScopeFactory scopes, ReaderCache cache, ReaderChangeBus bus, RedisConnection redis, TimeProvider time, ILogger<SiteGauges> logger)
    {
        _meter = meters.Create(SiteMetrics.MeterName);
        _scopes = scopes;
        _time = time;
        _logger = logger;

        _meter.CreateObservableGauge(
            "newsportal.moderation.queue",
            () => Read("moderation queue", db => db.Comments.AsNoTracking().LongCount(c => c.Status == CommentStatus.Pending)),
            "{comment}",
            "Comments held for a moderator now.");

        _meter.CreateObservableGauge(
            "newsportal.moderation.oldest_pending_seconds",
            () => Read("moderation queue", db => Age(db.Comments.AsNoTracking().Where(c => c.Status == CommentStatus.Pending).Min(c => (DateTime?)c.CreatedAt))),
            "s",
            "How long the oldest held comment has waited (0 when none waits).");

        _meter.CreateObservableGauge(
            "newsportal.outbox.oldest_pending_seconds",
            () => Read("outbox", db => Age(db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.Pending).Min(m => (DateTime?)m.CreatedAt))),
            "s",
            "How long the oldest mail still to be sent has waited (0 when none waits).");

        _meter.CreateObservableCounter(
            "newsportal.reader_cache.lookups",
            () => cache.Statistics is { } statistics
                ? ByLabel("result", ("hit", statistics.TotalHits), ("miss", statistics.TotalMisses))
                : [],
            "{lookup}",
            "Reader cache look-ups since start, by result (hit, miss).");

        _meter.CreateObservableCounter(
            "newsportal.reader_cache.loads",
            () => ByLabel("load", ("ran", cache.LoadCount), ("joined", cache.JoinedLoadCount)),
            "{load}",
            "Reader cache misses since start, by what they did: ran (read the database) or joined (waited for a load another request had started).");

        _meter.CreateObservableGauge(
            "newsportal.outbox.messages",
            OutboxCounts,
            "{message}",
            "Outbox mail by state: pending (waiting to be sent, the backlog) and failed (given up).");

        var sync = new ReaderCacheSyncHealthCheck(bus, redis);
        _meter.CreateObservableGauge(
            "newsportal.reader_cache.sync",
            () =>
            {
                var state = !redis.IsConfigured ? "single"
                    : sync.CheckHealthAsync(new HealthCheckContext()).GetAwaiter().GetResult().Status == HealthStatus.Healthy ? "shared"
                    : "degraded";
                return ByLabel("state", ("single", state == "single" ? 1 : 0), ("shared", state == "shared" ? 1 : 0), ("degraded", state == "degraded" ? 1 : 0));
            },
            description: "1 for the reader cache's state across instances: single (no Redis), shared (in step through Redis) or degraded (cannot confirm it is in step).");
    }

    private IEnumerable<Measurement<long>> OutboxCounts()
    {
        try
        {
            using var scope = _scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var counts = db.OutboxMessages.AsNoTracking()
                .Where(m => m.Status != OutboxStatus.Sent)
                .GroupBy(m => m.Status)
                .Select(g => new { Status = g.Key, Count = g.LongCount() })
                .ToList();
            return ByLabel(
                "state",
                ("pending", counts.Where(c => c.Status == OutboxStatus.Pending).Sum(c => c.Count)),
                ("failed", counts.Where(c => c.Status == OutboxStatus.Failed).Sum(c => c.Count)));
        }
        catch (Exception ex)
        {
            // A scrape must not fail because the database is away; the log says why the gauge is missing.
            _logger.LogWarning(ex, "The outbox gauge could not read the outbox");
            return [];
        }
    }

    /// <summary>One measurement for each value of <paramref name="label"/>, for an instrument read by that one label.</summary>
    private static Measurement<T>[] ByLabel<T>(string label, params (string Value, T Measure)[] rows)
        where T : struct =>
        [.. rows.Select(row => new Measurement<T>(row.Measure, new KeyValuePair<string, object?>(label, row.Value)))];

    private double Age(DateTime? since) =>
        since is { } at ? Math.Max(0, (_time.GetUtcNow().UtcDateTime - at).TotalSeconds) : 0;

    private IEnumerable<Measurement<T>> Read<T>(string what, Func<NewsDbContext, T> read)
        where T : struct
    {
        try
        {
            using var scope = _scopes.CreateScope();
            return [new(read(scope.ServiceProvider.GetRequiredService<NewsDbContext>()))];
        }
        catch (Exception ex)
        {
            // As for the outbox counts: no value rather than a failed scrape.
            _logger.LogWarning(ex, "A gauge could not read the {What}", what);
            return [];
        }
    }

    public void Dispose() => _meter.Dispose();
}
