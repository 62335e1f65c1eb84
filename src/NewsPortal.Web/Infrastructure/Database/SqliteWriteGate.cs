namespace NewsPortal.Web.Infrastructure.Database;

/// <summary>
/// One SQLite write at a time per process, waited for asynchronously. SQLite has one write lock per file; a writer
/// that finds it taken waits inside SQLite's busy handler, blocking its thread. Without this gate every waiting
/// comment post held a thread-pool thread until the pool starved and even <c>/healthz</c> waited 10 s behind them.
/// Now one post at a time waits in SQLite (for another process, up to <c>busy_timeout</c>) and the rest queue here
/// without a thread; one that cannot start within <see cref="DatabaseOptions.WriteWaitSeconds"/> throws
/// <see cref="DatabaseBusyException"/>, answered with 503. SQL Server does not need it: there it lets everyone in.
/// </summary>
public sealed class SqliteWriteGate(IOptions<DatabaseOptions> options) : IDisposable
{
    private readonly Bulkhead? _one = options.Value.Provider == DatabaseProvider.Sqlite ? new Bulkhead(1, TimeSpan.FromSeconds(options.Value.WriteWaitSeconds)) : null;

    /// <summary>Waits for this process's turn to write; dispose the result when the write is done.</summary>
    /// <exception cref="DatabaseBusyException">The turn did not come within <see cref="DatabaseOptions.WriteWaitSeconds"/>.</exception>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken) =>
        _one is null ? Bulkhead.NoTurn
        : await _one.TryEnterAsync(cancellationToken) ?? throw new DatabaseBusyException(_one.Wait);

    public void Dispose() => _one?.Dispose();
}

/// <summary>A write could not start in time because the database was busy; answered with 503, nothing half-done.</summary>
public sealed class DatabaseBusyException : Exception
{
    public DatabaseBusyException(TimeSpan waited)
        : base($"The database stayed busy for {waited.TotalSeconds:0.#} s; the write was not attempted.")
    {
    }

    public DatabaseBusyException()
    {
    }

    public DatabaseBusyException(string message)
        : base(message)
    {
    }

    public DatabaseBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
