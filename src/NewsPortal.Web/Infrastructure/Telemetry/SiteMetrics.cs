using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Infrastructure.Caching;
using NewsPortal.Web.Infrastructure.Health;
using NewsPortal.Web.Infrastructure.Redis;

namespace NewsPortal.Web.Infrastructure.Telemetry;

/// <summary>
/// Every meter of the site's own, in one place (docs/observability.md lists them). Labels are small fixed sets of words
/// chosen here, never a value a reader typed or a rule's wording (which quotes addresses and words): nothing personal
/// can reach a scrape. The counters live on one static meter so a feature counts with one line and no injection; the
/// gauges (<see cref="SiteGauges"/>) read this host's services, so they hang off the host's own meter.
/// </summary>
public static class SiteMetrics
{
    public const string MeterName = "NewsPortal";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> CommentsPosted = Meter.CreateCounter<long>(
        "newsportal.comments.posted", "{comment}", "Comment posts by outcome (published, held, spam, duplicate, refused) and the rule or reason that decided it.");

    private static readonly Counter<long> CommentsDecided = Meter.CreateCounter<long>(
        "newsportal.comments.decided", "{comment}", "Moderation decisions on one comment, by the status it left and the status it got.");

    private static readonly Histogram<double> DecisionSeconds = Meter.CreateHistogram(
        "newsportal.moderation.decision_seconds",
        "s",
        "How long a held comment waited for its first decision, by the status it got.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [60, 300, 900, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86400, 2 * 86400, 7 * 86400] });

    private static readonly Counter<long> ReportsReceived = Meter.CreateCounter<long>(
        "newsportal.reports.received", "{report}", "Reader reports of a comment that were stored (bots and repeats are not counted).");

    private static readonly Counter<long> SearchRequests = Meter.CreateCounter<long>(
        "newsportal.search.requests", "{search}", "Searches asked for (a page of results, cached or not).");

    private static readonly Counter<long> SearchRejected = Meter.CreateCounter<long>(
        "newsportal.search.rejected", "{search}", "Searches turned away because every bulkhead slot stayed busy (503).");

    private static readonly Counter<long> RateLimitRejected = Meter.CreateCounter<long>(
        "newsportal.rate_limit.rejected", "{request}", "Requests answered 429, by rate-limit policy.");

    private static readonly Counter<long> ReportsDecided = Meter.CreateCounter<long>(
        "newsportal.reports.decided", "{report}", "Reader reports a moderator decided, by the decision (dismissed, hidden, removed).");

    private static readonly Histogram<double> SearchDuration = Meter.CreateHistogram(
        "newsportal.search.duration",
        "s",
        "How long a search took to answer (cached or not), by what it found: results, none, or busy (turned away).",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private static readonly Counter<long> CacheEvictions = Meter.CreateCounter<long>(
        "newsportal.reader_cache.evictions", "{entry}", "Reader cache entries that left the store, by why: capacity (the size bound), expired.");

    private static readonly Counter<long> CacheRenders = Meter.CreateCounter<long>(
        "newsportal.reader_cache.renders", "{render}", "Shared pages and fragments rendered and stored for every reader (each one a miss that did the work).");

    private static readonly Counter<long> OutboxFailures = Meter.CreateCounter<long>(
        "newsportal.outbox.failures", "{attempt}", "Mail sends that failed, by what follows: retry (tried again later) or gave_up (marked failed).");

    private static readonly Counter<long> ImportItems = Meter.CreateCounter<long>(
        "newsportal.import.items", "{item}", "Items a WordPress import has handled, by kind and outcome (imported, skipped, failed).");

    private static readonly Histogram<double> MediaProcessing = Meter.CreateHistogram(
        "newsportal.media.processing_seconds",
        "s",
        "How long making one library image's variants took, by outcome (ready, failed).",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120] });

    /// <summary>Every name an import may count, so an item's title or login can never become a label.</summary>
    public static readonly IReadOnlySet<string> ImportKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "article", "page", "comment", "category", "tag", "author", "media", "redirect",
    };

    /// <summary>The outcomes an import may count.</summary>
    public static readonly IReadOnlySet<string> ImportOutcomes = new HashSet<string>(StringComparer.Ordinal) { "imported", "skipped", "failed" };

    public static void CommentPosted(string outcome, string rule) =>
        CommentsPosted.Add(1, new("outcome", outcome), new("rule", rule));

    /// <summary>A post that did not get as far as the rules: <paramref name="reason"/> is the refusal's kind.</summary>
    public static void CommentRefused(string reason) => CommentPosted("refused", reason);

    /// <summary>A stored (or duplicate) post, classified from what the rules decided.</summary>
    public static void CommentStored(CommentStatus status, string reason, bool created) =>
        CommentPosted(
            !created ? "duplicate"
            : status switch
            {
                CommentStatus.Approved => "published",
                CommentStatus.Pending => "held",
                CommentStatus.Spam => "spam",
                _ => "other",
            },
            created ? CommentRuleNames.Of(reason) : "duplicate");

    /// <param name="age">The comment's age at the decision; a decision on a held comment is its wait.</param>
    public static void CommentDecided(CommentStatus from, CommentStatus to, TimeSpan age)
    {
        CommentsDecided.Add(1, new("from", StatusLabel(from)), new("to", StatusLabel(to)));
        if (from == CommentStatus.Pending)
        {
            DecisionSeconds.Record(Math.Max(0, age.TotalSeconds), new KeyValuePair<string, object?>("to", StatusLabel(to)));
        }
    }

    public static void ReportReceived() => ReportsReceived.Add(1);

    public static void SearchRequested() => SearchRequests.Add(1);

    public static void SearchTurnedAway() => SearchRejected.Add(1);

    /// <param name="outcome">results, none or busy.</param>
    public static void SearchAnswered(string outcome, TimeSpan took) =>
        SearchDuration.Record(took.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));

    public static void ReportsDecidedAs(ReportDecision decision, int reports) =>
        ReportsDecided.Add(reports, new KeyValuePair<string, object?>("decision", decision switch
        {
            ReportDecision.Dismissed => "dismissed",
            ReportDecision.Hidden => "hidden",
            ReportDecision.Removed => "removed",
            _ => "other",
        }));

    /// <summary>Called by the reader cache's eviction callback: only the two reasons an operator sizes the store by.</summary>
    internal static void CacheEvicted(string reason) => CacheEvictions.Add(1, new KeyValuePair<string, object?>("reason", reason));

    internal static void CacheRendered() => CacheRenders.Add(1);

    public static void OutboxSendFailed(bool gaveUp) =>
        OutboxFailures.Add(1, new KeyValuePair<string, object?>("result", gaveUp ? "gave_up" : "retry"));

    /// <summary>
    /// For the WordPress importer: <paramref name="count"/> items of <paramref name="kind"/> (one of
    /// <see cref="ImportKinds"/>) ended as <paramref name="outcome"/> (one of <see cref="ImportOutcomes"/>). Anything
    /// else is counted as "other", never passed through.
    /// </summary>
    public static void ImportProgress(string kind, string outcome, long count = 1) =>
        ImportItems.Add(
            count,
            new("kind", ImportKinds.Contains(kind) ? kind : "other"),
            new("outcome", ImportOutcomes.Contains(outcome) ? outcome : "other"));

    public static void MediaProcessed(bool ready, TimeSpan took) =>
        MediaProcessing.Record(took.TotalSeconds, new KeyValuePair<string, object?>("outcome", ready ? "ready" : "failed"));

    /// <summary><paramref name="policy"/> is one of the site's policy names (constants), never a client's key.</summary>
    public static void RateLimited(string? policy) => RateLimitRejected.Add(1, new KeyValuePair<string, object?>("policy", policy ?? "global"));

    internal static string StatusLabel(CommentStatus status) => status switch
    {
        CommentStatus.Pending => "pending",
        CommentStatus.Approved => "approved",
        CommentStatus.Spam => "spam",
        CommentStatus.Rejected => "rejected",
        CommentStatus.Trash => "trash",
        _ => "other",
    };
}

/// <summary>
/// The rule behind a comment's verdict, as a fixed word. The verdict's reason is a sentence for moderators that quotes
/// the matched address, IP or word, so it is never a label; its opening words name the rule.
/// </summary>
internal static class CommentRuleNames
{
    private static readonly (string Start, string Rule)[] Rules =
    [
        ("Contains the blocked word", "blocked_word"),
        ("The email matches the blocklist", "blocked_email"),
        ("The IP address", "blocked_ip"),
        ("The email matches the always-hold", "always_hold_email"),
        ("Contains the moderation keyword", "moderation_keyword"),
        ("Approved automatically", "previously_approved"),
        ("Held for moderation (pre-moderation", "pre_moderation"),
        ("Published at once", "none"),
        ("Bot check: the hidden honeypot", "honeypot"),
        ("Bot check: the form timestamp", "form_stamp"),
        ("Bot check: the form was shown", "form_expired"),
        ("Bot check: posted", "too_fast"),
    ];

    public static string Of(string reason)
    {
        foreach (var (start, rule) in Rules)
        {
            if (reason.StartsWith(start, StringComparison.Ordinal))
            {
                return rule;
            }
        }

        // "Contains 4 links (more than 3)." has its number in the middle.
        return reason.StartsWith("Contains ", StringComparison.Ordinal) && reason.Contains(" links ", StringComparison.Ordinal)
            ? "too_many_links"
            : "other";
    }
}

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
            () =>
            {
                var statistics = cache.Statistics;
                return statistics is null
                    ? []
                    : new Measurement<long>[]
                    {
                        new(statistics.TotalHits, new KeyValuePair<string, object?>("result", "hit")),
                        new(statistics.TotalMisses, new KeyValuePair<string, object?>("result", "miss")),
                    };
            },
            "{lookup}",
            "Reader cache look-ups since start, by result (hit, miss).");

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
                return new Measurement<int>[]
                {
                    new(state == "single" ? 1 : 0, new KeyValuePair<string, object?>("state", "single")),
                    new(state == "shared" ? 1 : 0, new KeyValuePair<string, object?>("state", "shared")),
                    new(state == "degraded" ? 1 : 0, new KeyValuePair<string, object?>("state", "degraded")),
                };
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
            return
            [
                new(counts.Where(c => c.Status == OutboxStatus.Pending).Sum(c => c.Count), new KeyValuePair<string, object?>("state", "pending")),
                new(counts.Where(c => c.Status == OutboxStatus.Failed).Sum(c => c.Count), new KeyValuePair<string, object?>("state", "failed")),
            ];
        }
        catch (Exception ex)
        {
            // A scrape must not fail because the database is away; the log says why the gauge is missing.
            _logger.LogWarning(ex, "The outbox gauge could not read the outbox");
            return [];
        }
    }

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
