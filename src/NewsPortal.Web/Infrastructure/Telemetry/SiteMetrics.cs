namespace NewsPortal.Web.Infrastructure.Telemetry;

/// <summary>
/// Every meter of the site's own (docs/observability.md lists them), one file per group: comments and reports,
/// search, the reader cache, mail, the WordPress import, media, rate limits. Labels are small fixed sets of words
/// chosen here, never a value a reader typed or a rule's wording (which quotes addresses and words): nothing personal
/// can reach a scrape. The counters live on one static meter so a feature counts with one line and no injection; the
/// gauges (<see cref="SiteGauges"/>) read this host's services, so they hang off the host's own meter.
/// </summary>
public static partial class SiteMetrics
{
    public const string MeterName = "NewsPortal";

    private static Counter<long> Counter(string name, string unit, string description) =>
        SiteMeter.Instance.CreateCounter<long>(name, unit, description);

    private static Histogram<double> Histogram(string name, string unit, string description, params double[] bucketBoundaries) =>
        SiteMeter.Instance.CreateHistogram(name, unit, description, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = bucketBoundaries });

    /// <summary>
    /// The meter in a type of its own: the instruments are fields spread over the partial files, whose initialisers run
    /// in no set order, and each must find the meter made.
    /// </summary>
    private static class SiteMeter
    {
        public static readonly Meter Instance = new(MeterName);
    }
}
