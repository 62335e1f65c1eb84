namespace NewsPortal.UnitTests.TestSupport;

/// <summary>The reader cache and its change bus as the site wires them, over a test's clock, database and Redis.</summary>
internal static class ReaderCaches
{
    /// <summary>A connection with no <c>ConnectionStrings:Redis</c>: the site is one instance.</summary>
    public static RedisConnection NoRedis() => new(new ConfigurationBuilder().Build(), NullLogger<RedisConnection>.Instance);

    public static ReaderCache Cache(MemoryDatabase database, TimeProvider time, RedisConnection redis) =>
        new(database.Scopes, new SiteClock(time, Options.Create(new SiteOptions())), new Lifetime(), time, Options.Create(new CacheOptions()), redis);

    public static ReaderChangeBus Bus(ReaderCache cache, TimeProvider time, RedisConnection redis) =>
        new(cache, redis, time, Options.Create(new CacheOptions()), NullLogger<ReaderChangeBus>.Instance);

    public static async Task<ReaderVersions> VersionsAsync(this ReaderCache cache) => await cache.CurrentAsync(CancellationToken.None);

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
