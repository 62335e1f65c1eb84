namespace NewsPortal.Web.Data.Queries.SqlServer;

/// <summary>
/// SQL Server: nothing to add to the connection check. Whether a login may write is the server's grant, and a
/// server that accepts connections takes writes in turn (its locks wait; they do not refuse).
/// </summary>
public sealed class SqlServerDatabaseProbe : IDatabaseProbe
{
    public Task<DatabaseWriteState> WriteStateAsync(NewsDbContext db, CancellationToken cancellationToken) =>
        Task.FromResult(new DatabaseWriteState(DatabaseWriteKind.Writable));
}
