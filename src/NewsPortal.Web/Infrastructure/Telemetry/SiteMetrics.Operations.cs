namespace NewsPortal.Web.Infrastructure.Telemetry;

/// <summary>What an operator watches besides readers' requests: mail sends, picture processing and rate limits.</summary>
public static partial class SiteMetrics
{
    public static void OutboxSendFailed(bool gaveUp) =>
        OutboxFailures.Add(1, new KeyValuePair<string, object?>("result", gaveUp ? "gave_up" : "retry"));

    public static void MediaProcessed(bool ready, TimeSpan took) =>
        MediaProcessing.Record(took.TotalSeconds, new KeyValuePair<string, object?>("outcome", ready ? "ready" : "failed"));

    /// <summary><paramref name="policy"/> is one of the site's policy names (constants), never a client's key.</summary>
    public static void RateLimited(string? policy) => RateLimitRejected.Add(1, new KeyValuePair<string, object?>("policy", policy ?? "global"));
}
