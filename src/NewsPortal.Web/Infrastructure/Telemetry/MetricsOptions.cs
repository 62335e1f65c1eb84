namespace NewsPortal.Web.Infrastructure.Telemetry;

/// <summary>The "Metrics" section.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>
    /// The port the Prometheus scrape (<c>/metrics</c>) is served on, on every interface, beside the readers' addresses.
    /// Unset: no scrape endpoint at all. Never one of the readers' ports: the scrape answers only on this one.
    /// </summary>
    public int? Port { get; set; }
}
