namespace NewsPortal.Web.Infrastructure.Health;

public static class HealthCheckExtensions
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddNewsHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<NewsDbContext>("database", HealthStatus.Unhealthy, [ReadyTag])
            .AddCheck<DatabaseWritableHealthCheck>("database-writable", HealthStatus.Unhealthy, [ReadyTag])
            .AddCheck<RedisHealthCheck>("redis", HealthStatus.Degraded, [ReadyTag])
            .AddCheck<ReaderCacheSyncHealthCheck>("reader-cache-sync", HealthStatus.Degraded, [ReadyTag]);
        return services;
    }

    /// <summary>
    /// /healthz: the process answers (liveness, no dependencies). /healthz/ready: it can serve pages and write,
    /// database included; 503 when it cannot, so a load balancer takes the instance out. Redis away, or an instance
    /// that cannot confirm its reader cache is in step with the others, is "Degraded" with 200: readers are still
    /// served, from this instance's cache and the database.
    /// </summary>
    public static IEndpointRouteBuilder MapNewsHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
        return endpoints;
    }
}
