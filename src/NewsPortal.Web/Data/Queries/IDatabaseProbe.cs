namespace NewsPortal.Web.Data.Queries;

/// <summary>
/// Can the site write to its database right now? Asked by the readiness check (/healthz/ready), which has already
/// opened a connection: that proves reading only. One implementation per provider (<c>Data/Queries/Sqlite</c>,
/// <c>Data/Queries/SqlServer</c>), chosen at start from <c>Database:Provider</c>.
/// </summary>
public interface IDatabaseProbe
{
    /// <summary>Answers at once: a probe never waits for another writer's turn.</summary>
    Task<DatabaseWriteState> WriteStateAsync(NewsDbContext db, CancellationToken cancellationToken);
}

public enum DatabaseWriteKind
{
    /// <summary>Writes go through.</summary>
    Writable,

    /// <summary>Another writer holds the write lock now: writes queue for their turn.</summary>
    Busy,

    /// <summary>Every write would fail; <see cref="DatabaseWriteState.Reason"/> says why.</summary>
    Refused,
}

/// <param name="Reason">For <see cref="DatabaseWriteKind.Refused"/>: what an operator should look at.</param>
public readonly record struct DatabaseWriteState(DatabaseWriteKind Kind, string? Reason = null);
