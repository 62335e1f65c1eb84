namespace NewsPortal.UnitTests.Infrastructure.Caching;

public sealed class ReaderCacheTests : IDisposable
{
    // Loads get a context of their own; these tests' loads never touch it.
    private readonly MemoryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private ReaderCache NewCache(TimeProvider? time = null) => ReaderCaches.Cache(_database, time ?? TimeProvider.System, ReaderCaches.NoRedis());

    [Fact]
    public void Store_FilledWithTwiceItsLimit_NeverHoldsMoreThanItsBound()
    {
        using var cache = NewCache();
        var fragment = new string('x', 512 * 1024); // charged about 1 MB each

        for (var i = 0; i < 2 * ReaderCache.StoreBytes / (1024 * 1024); i++)
        {
            cache.SetFragment($"html:a1c1:page:{i}", fragment);
            Assert.True(cache.EstimatedBytes <= ReaderCache.StoreBytes, $"{cache.EstimatedBytes} bytes after {i + 1} fragments");
        }

        Assert.True(cache.EstimatedBytes > ReaderCache.StoreBytes / 2, "the store is used, not emptied");
    }

    /// <summary>Reads one key through the cache; the value read is how many times the loader has run.</summary>
    private static Func<ValueTask<int>> CountingReader(ReaderCache cache, string key, TimeSpan? lifetime = null)
    {
        var loads = 0;
        return () => cache.GetOrLoadAsync<int>(key, (_, _) => Task.FromResult(Interlocked.Increment(ref loads)), null, CancellationToken.None, lifetime: lifetime);
    }

    [Fact]
    public async Task GetOrLoad_WithAShortLifetime_LoadsAgainOnceItHasPassed_AndNotBefore()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        using var cache = NewCache(time);
        var readAsync = CountingReader(cache, "a1c1:search:x", TimeSpan.FromSeconds(5));

        Assert.Equal(1, await readAsync());
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(1, await readAsync());
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, await readAsync());
    }

    [Fact]
    public async Task GetOrLoad_WithNoLifetime_KeepsTheDataForTheDataLifetime()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        using var cache = NewCache(time);
        var readAsync = CountingReader(cache, "a1c1:page");

        Assert.Equal(1, await readAsync());
        time.Advance(ReaderCache.DataLifetime - TimeSpan.FromSeconds(1));
        Assert.Equal(1, await readAsync());
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, await readAsync());
    }
}
