using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace NewsPortal.Web.Infrastructure.Database;

/// <summary>
/// One SQLite write at a time per process, waited for asynchronously. SQLite has one write lock per file; a writer
/// that finds it taken waits inside SQLite's busy handler, blocking its thread. Without this gate every waiting
/// post held a thread-pool thread until the pool starved and even <c>/healthz</c> waited 10 s behind them. Now one
/// save at a time waits in SQLite (for another process, up to <c>busy_timeout</c>) and the rest queue here without a
/// thread; a save that cannot start within <see cref="DatabaseOptions.WriteWaitSeconds"/> throws
/// <see cref="DatabaseBusyException"/>, which the site answers with 503. SQL Server does not need it.
/// </summary>
public sealed class SqliteWriteGate : SaveChangesInterceptor, IDisposable
{
    private static readonly object Held = new();
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly ConditionalWeakTable<DbContext, object> _holders = [];
    private readonly TimeSpan _wait;

    public SqliteWriteGate(IOptions<DatabaseOptions> options) => _wait = TimeSpan.FromSeconds(options.Value.WriteWaitSeconds);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (!await _one.WaitAsync(_wait, cancellationToken))
        {
            throw new DatabaseBusyException(_wait);
        }

        Hold(eventData.Context);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (!_one.Wait(_wait))
        {
            throw new DatabaseBusyException(_wait);
        }

        Hold(eventData.Context);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public void Dispose() => _one.Dispose();

    private void Hold(DbContext? context)
    {
        if (context is null || !_holders.TryAdd(context, Held))
        {
            // Not expected (a context saves once at a time); never keep the gate without an owner to release it.
            _one.Release();
        }
    }

    private void Release(DbContext? context)
    {
        if (context is not null && _holders.Remove(context))
        {
            _one.Release();
        }
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
