namespace NewsPortal.Web.Infrastructure.Health;

/// <summary>
/// Can this instance confirm that it serves what the other instances changed? Degraded (still 200: it serves
/// readers, at worst <c>Cache:SyncMilliseconds</c> stale, by moving its own versions) when its last good read of the
/// shared versions is more than a few intervals old, or when a change made here has not reached Redis, so the
/// others cannot know of it yet. Not configured: one instance, nothing to be in step with.
/// </summary>
public sealed class ReaderCacheSyncHealthCheck(ReaderChangeBus bus, RedisConnection redis) : IHealthCheck
{
    /// <summary>Reads missed (beyond one command's timeout) before the instance says it cannot confirm.</summary>
    public const int MissedReads = 3;


    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConfigured)
        {
            return Task.FromResult(HealthCheckResult.Healthy("One instance: the reader cache has nothing to keep in step with."));
        }

        if (bus.HasUnsentChange)
        {
            return Task.FromResult(HealthCheckResult.Degraded(
                "A change made on this instance has not reached Redis yet; the other instances serve it once it does."));
        }

        var since = bus.SinceLastRead;
        if (since is null || since > (MissedReads * bus.Interval) + redis.CommandTimeout)
        {
            var when = since is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s.TotalSeconds:0.0} s ago") : "never";
            return Task.FromResult(HealthCheckResult.Degraded(
                $"Cannot confirm the reader cache is in step with the other instances (last read of the shared versions: {when}); its versions move every {bus.Interval.TotalMilliseconds:0} ms meanwhile."));
        }

        return Task.FromResult(HealthCheckResult.Healthy());
    }
}
