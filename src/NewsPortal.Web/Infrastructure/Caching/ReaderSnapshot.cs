namespace NewsPortal.Web.Infrastructure.Caching;

/// <summary>
/// The reader cache as one request sees it: the versions are read once, before the request's first cached read,
/// and every read and every rendered fragment of the request uses them. So a fragment is always stored under the
/// versions of the data it was rendered from, even when a change lands halfway through the request.
/// </summary>
public sealed class ReaderSnapshot(ReaderCache cache)
{
    private ReaderVersions? _versions;

    public async ValueTask<ReaderVersions> VersionsAsync(CancellationToken cancellationToken) =>
        _versions ??= await cache.CurrentAsync(cancellationToken);

    /// <summary>
    /// Shared data that depends on <paramref name="dependsOn"/>: from the cache, or loaded once however many
    /// requests miss at the same moment. <paramref name="load"/> gets a context of its own and must not capture
    /// the request's. <paramref name="lifetime"/>: how long it is kept (<see cref="ReaderCache.DataLifetime"/> unless
    /// said otherwise).
    /// </summary>
    public async ValueTask<T> GetOrLoadAsync<T>(
        string key,
        ReaderChange dependsOn,
        Func<NewsDbContext, CancellationToken, Task<T>> load,
        CancellationToken cancellationToken,
        Func<T, long>? sizeInBytes = null,
        CacheItemPriority priority = CacheItemPriority.Normal,
        TimeSpan? lifetime = null)
    {
        var versions = await VersionsAsync(cancellationToken);
        return await cache.GetOrLoadAsync(versions.Prefix(dependsOn) + key, load, sizeInBytes, cancellationToken, priority, lifetime);
    }

    /// <summary>Something rendered and stored under this request's versions; null when there is none yet.</summary>
    internal async ValueTask<(string Key, T? Rendered)> GetRenderedAsync<T>(string key, ReaderChange dependsOn, CancellationToken cancellationToken)
        where T : class
    {
        var versioned = "html:" + (await VersionsAsync(cancellationToken)).Prefix(dependsOn) + key;
        return (versioned, cache.GetRendered<T>(versioned));
    }

    internal void SetFragment(string versionedKey, string html) => cache.SetFragment(versionedKey, html);

    internal void SetRendered(string versionedKey, object rendered, long sizeInBytes) => cache.SetRendered(versionedKey, rendered, sizeInBytes);
}
