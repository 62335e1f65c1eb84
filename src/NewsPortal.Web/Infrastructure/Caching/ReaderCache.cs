namespace NewsPortal.Web.Infrastructure.Caching;

/// <summary>
/// Everything readers share, in one size-bounded in-process store: page data (lists, article pages, feeds,
/// navigation, the comment rules) and rendered HTML fragments. Nothing per visitor is ever put here.
/// <para>
/// On this instance correct by construction, not by timing: every key carries the version of the data it depends
/// on (<see cref="ReaderChange"/>). A change bumps the version after it is committed
/// (<see cref="ReaderChangeInterceptor"/>), so a request that starts afterwards looks under keys that no earlier
/// load can have written. A load that was in flight across the change finishes under its old key, which nobody
/// asks for any more, and ages out. Concurrent misses on one key share one load.
/// </para>
/// <para>
/// Across instances it is bounded by time: a change made elsewhere moves the versions here when
/// <see cref="ReaderChangeBus"/> hears of it or next reads the shared versions, at most
/// <see cref="CacheOptions.SyncMilliseconds"/> apart. When no read has succeeded for that long (plus a command's
/// timeout), the next request moves the versions itself rather than trust what it cannot confirm.
/// </para>
/// </summary>
public sealed class ReaderCache : IDisposable
{
    /// <summary>Upper bound of the store in (approximate) bytes: an archive's long tail must not grow it without end.</summary>
    public const long StoreBytes = 48L * 1024 * 1024;

    /// <summary>
    /// How long a data entry lives. Not what bounds staleness (versions do): it frees memory, and bounds how long
    /// a change made behind the site's back (an operator's SQL, a bulk statement) stays invisible, and one made on
    /// an instance that cannot reach Redis for longer than this.
    /// </summary>
    public static readonly TimeSpan DataLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Rendered fragments carry relative times ("5 minutes ago"), so they are re-rendered every minute.</summary>
    public static readonly TimeSpan FragmentLifetime = TimeSpan.FromMinutes(1);

    private const long DefaultEntryBytes = 16 * 1024;

    private readonly MemoryCache _store;
    private readonly ConcurrentDictionary<string, Lazy<Task<object?>>> _loads = new(StringComparer.Ordinal);
    private readonly IServiceScopeFactory _scopes;
    private readonly SiteClock _clock;
    private readonly CancellationToken _stopping;
    private readonly ScheduledArticleHorizon _horizon;
    private readonly TimeProvider _time;
    private readonly TimeSpan? _confirmWithin;
    private readonly Lock _unconfirmedLock = new();
    private long _freshAsOf;
    private long _joinedLoads;
    private long _articles;
    private long _comments;

    public ReaderCache(
        IServiceScopeFactory scopes, SiteClock clock, IHostApplicationLifetime lifetime, TimeProvider time, IOptions<CacheOptions> options, RedisConnection redis)
    {
        _scopes = scopes;
        _clock = clock;
        _horizon = new ScheduledArticleHorizon(scopes, MoveBoth);
        _stopping = lifetime.ApplicationStopping;
        _time = time;
        _store = new(new MemoryCacheOptions { SizeLimit = StoreBytes, TrackStatistics = true, Clock = new TimeProviderClock(time) });
        _confirmWithin = redis.IsConfigured ? options.Value.SyncInterval + redis.CommandTimeout : null;
        _freshAsOf = time.GetTimestamp();
    }

    /// <summary>Loads that ran (misses that reached the database): <c>newsportal_reader_cache_loads_total{load="ran"}</c>.</summary>
    public long LoadCount => Interlocked.Read(ref _loadCount);

    private long _loadCount;

    /// <summary>
    /// Misses that waited for a load another request had already started, instead of starting their own:
    /// <c>newsportal_reader_cache_loads_total{load="joined"}</c>.
    /// </summary>
    public long JoinedLoadCount => Interlocked.Read(ref _joinedLoads);

    /// <summary>Hits and misses of the store since start, for the site's metrics.</summary>
    internal MemoryCacheStatistics? Statistics => _store.GetCurrentStatistics();

    /// <summary>The sum of the estimated sizes of what the store holds now; never above <see cref="StoreBytes"/>.</summary>
    public long EstimatedBytes => _store.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    /// <summary>
    /// The versions a request reads and renders under. Taken once per request (see <see cref="ReaderSnapshot"/>)
    /// and before any of its data is loaded. A scheduled article whose time has come counts as a change.
    /// </summary>
    public async ValueTask<ReaderVersions> CurrentAsync(CancellationToken cancellationToken)
    {
        MoveIfUnconfirmed();
        await _horizon.CheckAsync(_clock.UtcNow, cancellationToken);
        return new(Interlocked.Read(ref _articles), Interlocked.Read(ref _comments));
    }

    /// <summary>
    /// Move a version on this instance: every request that starts afterwards misses what was cached before.
    /// <see cref="ReaderChangeBus"/> calls it for changes made here and changes made on other instances; this cache
    /// for changes it cannot rule out (see <see cref="MoveIfUnconfirmed"/>).
    /// </summary>
    internal void Bump(ReaderChange change)
    {
        if (change == ReaderChange.Articles)
        {
            // A new or rescheduled article may move the moment the next one comes due.
            _horizon.Forget();
            Interlocked.Increment(ref _articles);
        }

        Interlocked.Increment(ref _comments);
    }

    /// <summary>A scheduled article came due (<see cref="ScheduledArticleHorizon"/>): everything readers see may change.</summary>
    private void MoveBoth()
    {
        Interlocked.Increment(ref _articles);
        Interlocked.Increment(ref _comments);
    }

    /// <summary>
    /// Every change counted in Redis before <paramref name="readStarted"/> (a timestamp of <see cref="TimeProvider"/>)
    /// has moved the versions here: <see cref="ReaderChangeBus"/> read the shared versions then and caught up with them.
    /// </summary>
    internal void Confirm(long readStarted)
    {
        long seen;
        do
        {
            seen = Interlocked.Read(ref _freshAsOf);
            if (seen >= readStarted)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _freshAsOf, readStarted, seen) != seen);
    }

    /// <summary>
    /// With other instances: when nothing has confirmed for longer than the bound that this instance has every
    /// change made elsewhere, assume it has missed one and move the versions, at most once per bound. Done here, on
    /// the request's path, rather than by a timer, so nothing that can stop (a loop, a connection) is needed for it.
    /// </summary>
    private void MoveIfUnconfirmed()
    {
        if (_confirmWithin is not { } bound || _time.GetElapsedTime(Interlocked.Read(ref _freshAsOf)) <= bound)
        {
            return;
        }

        lock (_unconfirmedLock)
        {
            if (_time.GetElapsedTime(Interlocked.Read(ref _freshAsOf)) > bound)
            {
                // Versions first: a request that finds the new time must also find the new versions.
                Bump(ReaderChange.Articles);
                Interlocked.Exchange(ref _freshAsOf, _time.GetTimestamp());
            }
        }
    }

    /// <summary>
    /// The value under <paramref name="versionedKey"/>, or <paramref name="load"/>'s. Concurrent misses
    /// share one load, which gets a database context of its own and is not cancelled when the request that started
    /// it goes away (others may be waiting for it); each caller stops waiting when its own request is aborted.
    /// </summary>
    internal async ValueTask<T> GetOrLoadAsync<T>(
        string versionedKey,
        Func<NewsDbContext, CancellationToken, Task<T>> load,
        Func<T, long>? sizeInBytes,
        CancellationToken cancellationToken,
        CacheItemPriority priority = CacheItemPriority.Normal,
        TimeSpan? lifetime = null)
    {
        if (_store.TryGetValue(versionedKey, out var hit))
        {
            return (T)hit!;
        }

        var mine = new Lazy<Task<object?>>(() => LoadAsync(versionedKey, load, sizeInBytes, priority, lifetime ?? DataLifetime));
        var flight = _loads.GetOrAdd(versionedKey, mine);
        if (!ReferenceEquals(flight, mine))
        {
            Interlocked.Increment(ref _joinedLoads);
        }

        return (T)(await flight.Value.WaitAsync(cancellationToken))!;
    }

    private async Task<object?> LoadAsync<T>(
        string key, Func<NewsDbContext, CancellationToken, Task<T>> load, Func<T, long>? sizeInBytes, CacheItemPriority priority, TimeSpan lifetime)
    {
        try
        {
            Interlocked.Increment(ref _loadCount);
            await using var scope = _scopes.CreateAsyncScope();
            var value = await load(scope.ServiceProvider.GetRequiredService<NewsDbContext>(), _stopping);
            _store.Set(key, (object?)value, new MemoryCacheEntryOptions
            {
                Size = value is null ? 256 : Math.Max(256, sizeInBytes?.Invoke(value) ?? DefaultEntryBytes),
                AbsoluteExpirationRelativeToNow = lifetime,
                Priority = priority,
                PostEvictionCallbacks = { Evicted },
            });
            return value;
        }
        finally
        {
            // Stored (or failed) before it leaves the flight table, so a caller arriving now finds one or the other.
            _loads.TryRemove(key, out _);
        }
    }

    /// <summary>Something rendered (HTML, or a page prepared for writing) under these versions, if there is one.</summary>
    internal T? GetRendered<T>(string versionedKey)
        where T : class =>
        _store.TryGetValue(versionedKey, out var hit) ? hit as T : null;

    internal void SetRendered(string versionedKey, object rendered, long sizeInBytes)
    {
        Telemetry.SiteMetrics.CacheRendered();
        _store.Set(versionedKey, rendered, new MemoryCacheEntryOptions
        {
            Size = 64 + sizeInBytes,
            AbsoluteExpirationRelativeToNow = FragmentLifetime,
            PostEvictionCallbacks = { Evicted },
        });
    }

    /// <summary>
    /// Counts the entries the size bound pushed out and those that aged out; replaced and removed ones are the cache's
    /// own doing. (MemoryCache reports expiry when it next scans or touches the entry, not at the moment itself.)
    /// </summary>
    private static readonly PostEvictionCallbackRegistration Evicted = new()
    {
        EvictionCallback = static (_, _, reason, _) =>
        {
            if (reason is EvictionReason.Capacity or EvictionReason.Expired)
            {
                Telemetry.SiteMetrics.CacheEvicted(reason == EvictionReason.Capacity ? "capacity" : "expired");
            }
        },
    };

    internal void SetFragment(string versionedKey, string html) => SetRendered(versionedKey, html, 2L * html.Length);

    public void Dispose()
    {
        _horizon.Dispose();
        _store.Dispose();
    }
}
