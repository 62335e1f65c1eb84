namespace NewsPortal.Web.Infrastructure.Database;

/// <summary>
/// What the reader cache's and the search index's save hooks share: each notes, per context, what a save changed
/// (<see cref="Collect"/>), acts on it around the commit (in the subclass), and forgets it when the transaction rolls
/// back or fails. A failed save outside a transaction committed nothing; inside one, what earlier saves noted may
/// still commit and is kept. A transaction disposed without Commit or Rollback raises neither hook, so what it noted
/// stays with that (pooled) context and goes out with its next commit: one action too many, never one too few, and
/// harmless, as both act by rebuilding from the database.
/// </summary>
public abstract class PendingChangesInterceptor<TPending> : SaveChangesInterceptor, IDbTransactionInterceptor
    where TPending : class, new()
{
    private readonly ConditionalWeakTable<DbContext, TPending> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => SaveFailed(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveFailed(eventData.Context);
        return Task.CompletedTask;
    }

    // Virtual here, not left to the interface's defaults, so that a subclass's override is what EF calls.
    public virtual InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) =>
        result;

    public virtual ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(result);

    public virtual void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
    }

    public virtual Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Forget(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>Notes what the save about to run changes (its tracked entries), before they are accepted.</summary>
    protected abstract void Collect(DbContext? context);

    /// <summary>Empties what was noted for a context.</summary>
    protected abstract void Clear(TPending pending);

    /// <summary>What is noted for a context, made on first use.</summary>
    protected TPending PendingFor(DbContext context) => _pending.GetOrCreateValue(context);

    protected bool TryGetPending([NotNullWhen(true)] DbContext? context, [NotNullWhen(true)] out TPending? pending)
    {
        pending = null;
        return context is not null && _pending.TryGetValue(context, out pending);
    }

    protected virtual void SaveFailed(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Forget(context);
        }
    }

    private void Forget(DbContext? context)
    {
        if (TryGetPending(context, out var pending))
        {
            Clear(pending);
        }
    }
}
