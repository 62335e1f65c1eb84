namespace NewsPortal.Web.Infrastructure.Telemetry;

/// <summary>Reader searches: asked for, turned away, and how long they took.</summary>
public static partial class SiteMetrics
{
    private static readonly Counter<long> SearchRequests = Counter(
        "newsportal.search.requests", "{search}", "Searches asked for (a page of results, cached or not).");

    private static readonly Counter<long> SearchRejected = Counter(
        "newsportal.search.rejected", "{search}", "Searches turned away because every bulkhead slot stayed busy (503).");

    private static readonly Histogram<double> SearchDuration = Histogram(
        "newsportal.search.duration",
        "s",
        "How long a search took to answer (cached or not), by what it found: results, none, or busy (turned away).",
        0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10);

    public static void SearchRequested() => SearchRequests.Add(1);

    public static void SearchTurnedAway() => SearchRejected.Add(1);

    /// <param name="outcome">results, none or busy.</param>
    public static void SearchAnswered(string outcome, TimeSpan took) =>
        SearchDuration.Record(took.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
}
