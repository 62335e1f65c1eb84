namespace NewsPortal.Web.Infrastructure.Hosting;

/// <summary>
/// Wakes a background job at once after new work arrives instead of at its next look. Raised any number of times
/// before the job looks, it wakes the job once, and that one look covers everything raised so far. Each job has its
/// own subclass, so each is its own singleton.
/// </summary>
public abstract class WorkSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Raise()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already raised: the job looks once, which covers every raise so far.
        }
    }

    /// <summary>True when raised within <paramref name="timeout"/>; false when the time ran out (the job looks anyway).</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _signal.Dispose();
        }
    }
}
