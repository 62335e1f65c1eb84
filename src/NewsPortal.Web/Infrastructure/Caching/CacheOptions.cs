namespace NewsPortal.Web.Infrastructure.Caching;

/// <summary>The reader cache across instances (section <c>Cache</c>).</summary>
public sealed class CacheOptions
{
    public const string SectionName = "Cache";

    /// <summary>
    /// With Redis: how often each instance re-reads the shared versions, and so the longest it may serve data older
    /// than another instance's change (plus the time of one Redis read). An instance that cannot read them moves its
    /// own versions this often instead.
    /// </summary>
    [Range(100, 300_000, ErrorMessage = "Cache:SyncMilliseconds must be between 100 and 300000 (5 minutes, the data lifetime).")]
    public int SyncMilliseconds { get; set; } = 1000;

    public TimeSpan SyncInterval => TimeSpan.FromMilliseconds(SyncMilliseconds);
}
