using Microsoft.Extensions.Options;

namespace NewsPortal.Web.Infrastructure.Database;

/// <summary>
/// One SQLite write at a time per process, waited for asynchronously. SQLite has one write lock per file; a writer
/// that finds it taken waits inside SQLite's busy handler, blocking its thread. Without this gate every waiting
/// comment post held a thread-pool thread until the pool starved and even <c>/healthz</c> waited 10 s behind them.
/// Now one post at a time waits in SQLite (for another process, up to <c>busy_timeout</c>) and the rest queue here
/// without a thread; one that cannot start within <see cref="DatabaseOptions.WriteWaitSeconds"/> throws
/// <see cref="DatabaseBusyException"/>, answered with 503. SQL Server does not need it: there it lets everyone in.
/// </summary>
public sealed class SqliteWriteGate : IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly TimeSpan _wait;
    private readonly bool _enabled;

    public SqliteWriteGate(IOptions<DatabaseOptions> options)
    {
        _wait = TimeSpan.FromSeconds(options.Value.WriteWaitSeconds);
        _enabled = options.Value.Provider == DatabaseProvider.Sqlite;
    }

    /// <summary>Waits for this process's turn to write; dispose the result when the write is done.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (!_enabled)
        {
            return Turn.None;
        }

        if (!await _one.WaitAsync(_wait, cancellationToken))
        {
            throw new DatabaseBusyException(_wait);
        }

        return new Turn(_one);
    }

    public void Dispose() => _one.Dispose();

    private sealed class Turn(SemaphoreSlim? gate) : IDisposable
    {
        public static readonly Turn None = new(null);
        private SemaphoreSlim? _gate = gate;

        public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
    }
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
