namespace NewsPortal.Web.Infrastructure.Telemetry;

/// <summary>
/// Every meter of the site's own (docs/observability.md lists them): the instruments in one table here, and what records
/// them in one file per group: comments and reports, search, the reader cache, mail, the WordPress import, media, rate
/// limits. Labels are small fixed sets of words
/// chosen here, never a value a reader typed or a rule's wording (which quotes addresses and words): nothing personal
/// can reach a scrape. The counters live on one static meter so a feature counts with one line and no injection; the
/// gauges (<see cref="SiteGauges"/>) read this host's services, so they hang off the host's own meter.
/// </summary>
public static partial class SiteMetrics
{
    public const string MeterName = "NewsPortal";

    // Every instrument of the meter, in one table (docs/observability.md mirrors it): counters, then histograms with
    // their buckets. What each counts, and with which labels, is in the group's file that records it.
    private static readonly Counter<long> CommentsPosted = Counter("newsportal.comments.posted", "{comment}", "Comment posts by outcome (published, held, spam, duplicate, refused) and the rule or reason that decided it.");
    private static readonly Counter<long> CommentsDecided = Counter("newsportal.comments.decided", "{comment}", "Moderation decisions on one comment, by the status it left and the status it got.");
    private static readonly Counter<long> ReportsReceived = Counter("newsportal.reports.received", "{report}", "Reader reports of a comment that were stored (bots and repeats are not counted).");
    private static readonly Counter<long> ReportsDecided = Counter("newsportal.reports.decided", "{report}", "Reader reports a moderator decided, by the decision (dismissed, hidden, removed).");
    private static readonly Counter<long> SearchRequests = Counter("newsportal.search.requests", "{search}", "Searches asked for (a page of results, cached or not).");
    private static readonly Counter<long> SearchRejected = Counter("newsportal.search.rejected", "{search}", "Searches turned away because every bulkhead slot stayed busy (503).");
    private static readonly Counter<long> CacheEvictions = Counter("newsportal.reader_cache.evictions", "{entry}", "Reader cache entries that left the store, by why: capacity (the size bound), expired.");
    private static readonly Counter<long> CacheRenders = Counter("newsportal.reader_cache.renders", "{render}", "Shared pages and fragments rendered and stored for every reader (each one a miss that did the work).");
    private static readonly Counter<long> OutboxFailures = Counter("newsportal.outbox.failures", "{attempt}", "Mail sends that failed, by what follows: retry (tried again later) or gave_up (marked failed).");
    private static readonly Counter<long> ImportItems = Counter("newsportal.import.items", "{item}", "Items a WordPress import has handled, by kind and outcome (imported, skipped, failed).");
    private static readonly Counter<long> RateLimitRejected = Counter("newsportal.rate_limit.rejected", "{request}", "Requests answered 429, by rate-limit policy.");

    private static readonly Histogram<double> DecisionSeconds = Histogram(
        "newsportal.moderation.decision_seconds",
        "s",
        "How long a held comment waited for its first decision, by the status it got.",
        60, 300, 900, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86400, 2 * 86400, 7 * 86400);

    private static readonly Histogram<double> SearchDuration = Histogram(
        "newsportal.search.duration",
        "s",
        "How long a search took to answer (cached or not), by what it found: results, none, or busy (turned away).",
        0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10);

    private static readonly Histogram<double> MediaProcessing = Histogram(
        "newsportal.media.processing_seconds",
        "s",
        "How long making one library image's variants took, by outcome (ready, failed).",
        0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120);

    private static Counter<long> Counter(string name, string unit, string description) =>
        SiteMeter.Instance.CreateCounter<long>(name, unit, description);

    private static Histogram<double> Histogram(string name, string unit, string description, params double[] bucketBoundaries) =>
        SiteMeter.Instance.CreateHistogram(name, unit, description, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = bucketBoundaries });

    /// <summary>
    /// The meter in a type of its own, made before it is first asked for: the instruments' initialisers need it, and
    /// static fields in a partial class's other files may run theirs first.
    /// </summary>
    private static class SiteMeter
    {
        public static readonly Meter Instance = new(MeterName);
    }
}
