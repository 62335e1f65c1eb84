namespace NewsPortal.Web.Infrastructure.Telemetry;

/// <summary>What an operator watches besides readers' requests: mail sends, picture processing and rate limits.</summary>
public static partial class SiteMetrics
{
    private static readonly Counter<long> OutboxFailures = Counter(
        "newsportal.outbox.failures", "{attempt}", "Mail sends that failed, by what follows: retry (tried again later) or gave_up (marked failed).");

    private static readonly Histogram<double> MediaProcessing = Histogram(
        "newsportal.media.processing_seconds",
        "s",
        "How long making one library image's variants took, by outcome (ready, failed).",
        0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120);

    private static readonly Counter<long> RateLimitRejected = Counter(
        "newsportal.rate_limit.rejected", "{request}", "Requests answered 429, by rate-limit policy.");

    public static void OutboxSendFailed(bool gaveUp) =>
        OutboxFailures.Add(1, new KeyValuePair<string, object?>("result", gaveUp ? "gave_up" : "retry"));

    public static void MediaProcessed(bool ready, TimeSpan took) =>
        MediaProcessing.Record(took.TotalSeconds, new KeyValuePair<string, object?>("outcome", ready ? "ready" : "failed"));

    /// <summary><paramref name="policy"/> is one of the site's policy names (constants), never a client's key.</summary>
    public static void RateLimited(string? policy) => RateLimitRejected.Add(1, new KeyValuePair<string, object?>("policy", policy ?? "global"));
}
