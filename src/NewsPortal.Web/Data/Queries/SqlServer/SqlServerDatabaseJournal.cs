namespace NewsPortal.Web.Data.Queries.SqlServer;

/// <summary>SQL Server's transaction log is the server's own, and its readers never wait on a file lock: nothing to set.</summary>
public sealed class SqlServerDatabaseJournal : IDatabaseJournal
{
    public Task UseWriteAheadLogAsync(NewsDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;
}
