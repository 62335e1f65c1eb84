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
public sealed class SearchGate(IOptions<SearchOptions> options) : IDisposable
{
    private readonly Bulkhead _bulkhead = new Bulkhead(options.Value.EffectiveMaxConcurrent, TimeSpan.FromSeconds(options.Value.MaxWaitSeconds));

    /// <exception cref="SearchBusyException">No slot came free in time.</exception>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (await _bulkhead.TryEnterAsync(cancellationToken) is { } turn)
        {
            return turn;
        }

        Infrastructure.Telemetry.SiteMetrics.SearchTurnedAway();
        throw new SearchBusyException();
    }

    public void Dispose() => _bulkhead.Dispose();
}
