namespace NewsPortal.Web.Infrastructure.Telemetry;

/// <summary>The reader cache's work: what it rendered and what left it (its look-ups are a gauge, <see cref="SiteGauges"/>).</summary>
public static partial class SiteMetrics
{
    private static readonly Counter<long> CacheEvictions = Counter(
        "newsportal.reader_cache.evictions", "{entry}", "Reader cache entries that left the store, by why: capacity (the size bound), expired.");

    private static readonly Counter<long> CacheRenders = Counter(
        "newsportal.reader_cache.renders", "{render}", "Shared pages and fragments rendered and stored for every reader (each one a miss that did the work).");

    /// <summary>Called by the reader cache's eviction callback: only the two reasons an operator sizes the store by.</summary>
    internal static void CacheEvicted(string reason) => CacheEvictions.Add(1, new KeyValuePair<string, object?>("reason", reason));

    internal static void CacheRendered() => CacheRenders.Add(1);
}
