namespace NewsPortal.Web.Features.Search;

/// <summary>The "Search" section.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>
    /// Searches one client may make per minute, on all instances together when Redis is configured. A search costs
    /// more than a page from the reader cache, so an anonymous flood of them is the cheapest way to slow the site
    /// for everyone; 30 a minute is far more than a person searching and paging needs. The upper bound lets a load test
    /// from one address (tens of thousands of cached searches a second) set the limit out of its way.
    /// </summary>
    [Range(1, 100_000_000)]
    public int RequestsPerMinutePerIp { get; set; } = 30;

    /// <summary>
    /// Searches that may read the database at once on this instance; 0 means half the processors (at least one), so
    /// a flood of searches from many clients leaves the other half to the rest of the site.
    /// </summary>
    [Range(0, 1024)]
    public int MaxConcurrent { get; set; }

    /// <summary>How long a search waits for a free slot before the reader is asked to try again (503).</summary>
    [Range(0, 60)]
    public double MaxWaitSeconds { get; set; } = 2;

    /// <summary>How many days the aggregated search-term counts (the Editors' search statistics) are kept.</summary>
    [Range(7, 3650)]
    public int StatsDays { get; set; } = 90;

    public int EffectiveMaxConcurrent => MaxConcurrent > 0 ? MaxConcurrent : Math.Max(1, Environment.ProcessorCount / 2);
}

/// <summary>Searches per client IP per minute (Search:RequestsPerMinutePerIp); registered in <see cref="PerClientLimits"/>.</summary>
public static class SearchRateLimiting
{
    public const string PolicyName = "search";
}
