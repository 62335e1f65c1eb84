namespace NewsPortal.Web.Data.Queries.SqlServer;

/// <summary>
/// SQL Server's buffer pool belongs to the server: nothing to tune on the connection, so EF opens and closes it for
/// each batch as usual.
/// </summary>
public sealed class SqlServerBulkWriteConnection : IBulkWriteConnection
{
    public Task<IAsyncDisposable> HoldAsync(NewsDbContext db, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NothingHeld.Instance);

    private sealed class NothingHeld : IAsyncDisposable
    {
        public static readonly NothingHeld Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
