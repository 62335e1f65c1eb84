namespace NewsPortal.Web.Infrastructure.Hosting;

/// <summary>
/// At most a number of callers at once; the rest wait without holding a thread, each up to a time, and are then turned
/// away (the caller decides how to say so). The site's one bulkhead: searches that reach the database (SearchGate) and
/// SQLite writes (SqliteWriteGate) both go through it.
/// </summary>
public sealed class Bulkhead : IDisposable
{
    private readonly SemaphoreSlim _slots;

    public Bulkhead(int slots, TimeSpan wait)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        _slots = new SemaphoreSlim(slots, slots);
        Wait = wait;
    }

    /// <summary>How long a caller waits for a slot before it is turned away.</summary>
    public TimeSpan Wait { get; }

    /// <summary>A turn that needs no slot (a gate that is open, such as the SQLite write gate on SQL Server).</summary>
    public static IDisposable NoTurn { get; } = new Turn(null);

    /// <summary>A slot, released when the result is disposed (once, however often it is disposed); null when none came free in time.</summary>
    public async Task<IDisposable?> TryEnterAsync(CancellationToken cancellationToken) =>
        await _slots.WaitAsync(Wait, cancellationToken) ? new Turn(_slots) : null;

    public void Dispose() => _slots.Dispose();

    private sealed class Turn(SemaphoreSlim? slots) : IDisposable
    {
        private SemaphoreSlim? _slots = slots;

        public void Dispose() => Interlocked.Exchange(ref _slots, null)?.Release();
    }
}
