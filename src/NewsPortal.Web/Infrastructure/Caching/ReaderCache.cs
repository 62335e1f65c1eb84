using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Infrastructure.Site;

namespace NewsPortal.Web.Infrastructure.Caching;

/// <summary>
/// What every reader shares: lists, feeds and navigation in HybridCache (dropped by tag the moment they change;
/// a stampede of misses on a story that takes off collapses into one query), article pages in a store of their
/// own bounded by size, and a generation number that rendered fragments (the &lt;cache&gt; tag helper) put in
/// their keys. Not output caching of whole pages: each page carries the visitor's antiforgery token and form
/// stamp, and an author sees their own held comment. Nothing per-visitor is ever put in this cache.
/// </summary>
public sealed class ReaderCache : IDisposable
{
    /// <summary>Every entry carries this tag, so one call empties the reader cache.</summary>
    public const string AllTag = "reader";

    /// <summary>Lists that show articles with their comment counts: front page, sections, tags, feeds.</summary>
    public const string ListsTag = "lists";

    /// <summary>
    /// Changes made on this instance drop entries at once. Other instances of the site hear nothing (there is no
    /// shared backplane yet), so entries also expire after a minute: that bounds how stale another box can be.
    /// </summary>
    private static readonly HybridCacheEntryOptions Entry = new()
    {
        Expiration = TimeSpan.FromMinutes(1),
        LocalCacheExpiration = TimeSpan.FromMinutes(1),
    };

    /// <summary>Article pages are the long tail (one per story ever read), so they get their own size-bounded store.</summary>
    public const long ArticlePagesBytes = 64L * 1024 * 1024;

    private readonly HybridCache _cache;
    private readonly MemoryCache _articlePages = new(new MemoryCacheOptions { SizeLimit = ArticlePagesBytes });
    private readonly IServiceScopeFactory _scopes;
    private readonly SiteClock _clock;
    private readonly SemaphoreSlim _horizonLock = new(1, 1);
    private DateTime? _nextScheduledUtc;
    private long _generation;
    private bool _horizonKnown;

    public ReaderCache(HybridCache cache, IServiceScopeFactory scopes, SiteClock clock)
    {
        _cache = cache;
        _scopes = scopes;
        _clock = clock;
    }

    /// <summary>
    /// The cached value, or <paramref name="load"/>'s. The loader gets a database context of its own: HybridCache
    /// may finish a load after the request that started it has ended (other requests are waiting on the same
    /// key), so it must never use the request's context.
    /// </summary>
    public async ValueTask<T> GetOrCreateAsync<T>(
        string key, Func<NewsDbContext, CancellationToken, Task<T>> load, string[] tags, CancellationToken cancellationToken)
    {
        await ExpireIfAScheduledArticleIsDueAsync(cancellationToken);
        return await _cache.GetOrCreateAsync(
            key,
            (load, _scopes),
            static async (state, ct) =>
            {
                await using var scope = state._scopes.CreateAsyncScope();
                return await state.load(scope.ServiceProvider.GetRequiredService<NewsDbContext>(), ct);
            },
            Entry,
            [AllTag, .. tags],
            cancellationToken);
    }

    /// <summary>
    /// Changes whenever anything readers see changes. Rendered fragments (the &lt;cache&gt; tag helper) put it in
    /// their key, so a fragment can never outlive the data it was rendered from.
    /// </summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>
    /// The generation to render this request's fragments under, read before its data is loaded. It first lets a
    /// scheduled article that has come due empty the cache, so a fragment rendered before that moment is not reused.
    /// </summary>
    public async ValueTask<long> CurrentGenerationAsync(CancellationToken cancellationToken)
    {
        await ExpireIfAScheduledArticleIsDueAsync(cancellationToken);
        return Generation;
    }

    /// <summary>ViewData key under which a controller passes the generation it read before loading the data.</summary>
    public const string GenerationKey = "ReaderCacheGeneration";

    /// <summary>
    /// An article page's shared data. Kept apart from the lists because an archive has far more articles than
    /// fit in memory: entries are charged by their approximate size in bytes and the least recently used go
    /// first. The key carries the generation, so any change makes every older entry unreachable at once.
    /// </summary>
    public async ValueTask<T?> GetOrCreateArticlePageAsync<T>(
        string slug, Func<NewsDbContext, CancellationToken, Task<T?>> load, Func<T, long> sizeInBytes, CancellationToken cancellationToken)
        where T : class
    {
        await ExpireIfAScheduledArticleIsDueAsync(cancellationToken);
        var key = $"{Generation}:{slug}";
        if (_articlePages.TryGetValue(key, out Box<T>? cached) && cached is not null)
        {
            return cached.Value;
        }

        await using var scope = _scopes.CreateAsyncScope();
        var value = await load(scope.ServiceProvider.GetRequiredService<NewsDbContext>(), cancellationToken);
        _articlePages.Set(key, new Box<T>(value), new MemoryCacheEntryOptions
        {
            Size = value is null ? 256 : Math.Max(256, sizeInBytes(value)),
            AbsoluteExpirationRelativeToNow = Entry.LocalCacheExpiration,
        });
        return value;
    }

    /// <summary>
    /// A comment changed state, text or count. Article pages and lists go (an article page shows other articles'
    /// comment counts in its related news); the navigation stays.
    /// </summary>
    public Task CommentsChangedAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _generation);
        return _cache.RemoveByTagAsync(ListsTag, cancellationToken).AsTask();
    }

    /// <summary>An article was written, published, scheduled or unpublished (or a site-wide rule changed).</summary>
    public Task EverythingChangedAsync(CancellationToken cancellationToken)
    {
        _horizonKnown = false;
        Interlocked.Increment(ref _generation);
        return _cache.RemoveByTagAsync(AllTag, cancellationToken).AsTask();
    }

    /// <summary>
    /// A scheduled article becomes visible by the clock alone, with no write to tell the cache. So the cache
    /// remembers when the next one is due and empties itself when that moment passes.
    /// </summary>
    private async ValueTask ExpireIfAScheduledArticleIsDueAsync(CancellationToken cancellationToken)
    {
        var now = _clock.UtcNow;
        if (_horizonKnown && (_nextScheduledUtc is null || now < _nextScheduledUtc))
        {
            return;
        }

        await _horizonLock.WaitAsync(cancellationToken);
        try
        {
            if (_horizonKnown && (_nextScheduledUtc is null || now < _nextScheduledUtc))
            {
                return;
            }

            if (_horizonKnown)
            {
                Interlocked.Increment(ref _generation);
                await _cache.RemoveByTagAsync(AllTag, cancellationToken);
            }

            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            _nextScheduledUtc = await db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt > now)
                .OrderBy(a => a.PublishedAt)
                .Select(a => a.PublishedAt)
                .FirstOrDefaultAsync(cancellationToken);
            _horizonKnown = true;
        }
        finally
        {
            _horizonLock.Release();
        }
    }

    public void Dispose()
    {
        _horizonLock.Dispose();
        _articlePages.Dispose();
    }

    /// <summary>Lets "no such article" be cached as well as an article.</summary>
    private sealed record Box<T>(T? Value);
}
