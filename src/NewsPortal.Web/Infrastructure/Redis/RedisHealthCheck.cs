namespace NewsPortal.Web.Infrastructure.Redis;

/// <summary>
/// Redis is not needed to serve readers, so its absence is "Degraded" (still 200: the load balancer keeps the
/// instance), never "Unhealthy". Not configured: healthy, nothing to share.
/// </summary>
public sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConfigured)
        {
            return HealthCheckResult.Healthy("Redis is not configured: this instance keeps its cache and limits to itself.");
        }

        // The first check may come before the background connect has run: connect (once) rather than report a
        // Redis that was never tried as missing.
        if (await redis.ConnectAsync() is { IsConnected: true } multiplexer)
        {
            try
            {
                var latency = await multiplexer.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(1), cancellationToken);
                return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0.0} ms.");
            }
            catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
            {
                return HealthCheckResult.Degraded("Redis did not answer: cache invalidation and rate limits are local to this instance.", ex);
            }
        }

        return HealthCheckResult.Degraded("Redis is unreachable: cache invalidation and rate limits are local to this instance until it returns.");
    }
}
