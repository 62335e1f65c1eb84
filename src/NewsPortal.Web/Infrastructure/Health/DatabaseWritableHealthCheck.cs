namespace NewsPortal.Web.Infrastructure.Health;

/// <summary>
/// Can the site write? A database that refuses writes (SQLite: a read-only file or folder) is Unhealthy (503, every
/// post would fail); a write lock someone else holds right now is Degraded (200: writes queue for their turn). How
/// to tell is the provider's (<see cref="IDatabaseProbe"/>); SQL Server adds nothing to the connection check.
/// </summary>
public sealed class DatabaseWritableHealthCheck(NewsDbContext db, IDatabaseProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = await probe.WriteStateAsync(db, cancellationToken);
        return state.Kind switch
        {
            DatabaseWriteKind.Writable => HealthCheckResult.Healthy(),
            DatabaseWriteKind.Busy => HealthCheckResult.Degraded("Another writer holds the database's write lock; writes are queued."),
            _ => HealthCheckResult.Unhealthy(state.Reason),
        };
    }
}
