namespace NewsPortal.Web.Infrastructure.Telemetry;

/// <summary>The reader cache's work: what it rendered and what left it (its look-ups are a gauge, <see cref="SiteGauges"/>).</summary>
public static partial class SiteMetrics
{
    /// <summary>Called by the reader cache's eviction callback: only the two reasons an operator sizes the store by.</summary>
    internal static void CacheEvicted(string reason) => CacheEvictions.Add(1, new KeyValuePair<string, object?>("reason", reason));

    internal static void CacheRendered() => CacheRenders.Add(1);
}
