namespace NewsPortal.Web.Data.Queries;

/// <summary>
/// A long run of writes (the WordPress import's posts and comments) on one connection, tuned for it while it lasts
/// and given back to the pool as the site's other connections expect it. One implementation per provider, chosen at
/// start from <c>Database:Provider</c>.
/// </summary>
public interface IBulkWriteConnection
{
    /// <summary>Holds <paramref name="db"/>'s connection for the writes; disposing the result ends the hold.</summary>
    Task<IAsyncDisposable> HoldAsync(NewsDbContext db, CancellationToken cancellationToken);
}
