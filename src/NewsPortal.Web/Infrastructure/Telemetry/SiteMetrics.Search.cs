namespace NewsPortal.Web.Infrastructure.Telemetry;

/// <summary>Reader searches: asked for, turned away, and how long they took.</summary>
public static partial class SiteMetrics
{
    public static void SearchRequested() => SearchRequests.Add(1);

    public static void SearchTurnedAway() => SearchRejected.Add(1);

    /// <param name="outcome">results, none or busy.</param>
    public static void SearchAnswered(string outcome, TimeSpan took) =>
        SearchDuration.Record(took.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
}
