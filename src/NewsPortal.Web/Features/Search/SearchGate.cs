using Microsoft.Extensions.Options;

namespace NewsPortal.Web.Features.Search;

/// <summary>Search could not get a turn in time: the page says so with 503 and Retry-After.</summary>
public sealed class SearchBusyException : Exception
{
    public SearchBusyException()
        : base("Every search slot was busy.")
    {
    }

    public SearchBusyException(string message)
        : base(message)
    {
    }

    public SearchBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// A bulkhead for searches that reach the database (cached pages never wait here): at most
/// <see cref="SearchOptions.MaxConcurrent"/> run at once, later ones wait up to <see cref="SearchOptions.MaxWaitSeconds"/>
/// and are then turned away. The per-IP limit stops one client; this stops many clients together from spending every
/// core on search, so article pages keep being served during a search flood.
/// </summary>
public sealed class SearchGate : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly TimeSpan _wait;

    public SearchGate(IOptions<SearchOptions> options)
    {
        _slots = new SemaphoreSlim(options.Value.EffectiveMaxConcurrent, options.Value.EffectiveMaxConcurrent);
        _wait = TimeSpan.FromSeconds(options.Value.MaxWaitSeconds);
    }

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (!await _slots.WaitAsync(_wait, cancellationToken))
        {
            Infrastructure.Telemetry.SiteMetrics.SearchTurnedAway();
            throw new SearchBusyException();
        }

        return new Turn(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Turn(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
