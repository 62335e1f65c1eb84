using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Infrastructure.Caching;
using NewsPortal.Web.Infrastructure.Redis;
using NewsPortal.Web.Infrastructure.Site;

namespace NewsPortal.UnitTests.Infrastructure.Caching;

public sealed class ReaderCacheTests
{
    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public override long GetTimestamp() => _now.UtcTicks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public void Advance(TimeSpan by) => _now += by;
    }

    private static ReaderCache NewCache(TimeProvider? time = null)
    {
        var services = new ServiceCollection();

        // Loads get a context of their own; these tests' loads never touch it.
        services.AddDbContext<NewsDbContext, SqliteNewsDbContext>(o => o.UseSqlite("Data Source=:memory:"));
        time ??= TimeProvider.System;
        return new(
            services.BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(),
            new SiteClock(time, Options.Create(new SiteOptions())),
            new Lifetime(),
            time,
            Options.Create(new CacheOptions()),
            new RedisConnection(new ConfigurationBuilder().Build(), NullLogger<RedisConnection>.Instance));
    }

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

    [Fact]
    public async Task GetOrLoad_WithAShortLifetime_LoadsAgainOnceItHasPassed_AndNotBefore()
    {
        var time = new ManualTime();
        using var cache = NewCache(time);
        var loads = 0;
        ValueTask<int> ReadAsync() => cache.GetOrLoadAsync<int>(
            "a1c1:search:x", (_, _) => Task.FromResult(Interlocked.Increment(ref loads)), null, CancellationToken.None, lifetime: TimeSpan.FromSeconds(5));

        Assert.Equal(1, await ReadAsync());
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(1, await ReadAsync());
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, await ReadAsync());
    }

    [Fact]
    public async Task GetOrLoad_WithNoLifetime_KeepsTheDataForTheDataLifetime()
    {
        var time = new ManualTime();
        using var cache = NewCache(time);
        var loads = 0;
        ValueTask<int> ReadAsync() => cache.GetOrLoadAsync<int>(
            "a1c1:page", (_, _) => Task.FromResult(Interlocked.Increment(ref loads)), null, CancellationToken.None);

        Assert.Equal(1, await ReadAsync());
        time.Advance(ReaderCache.DataLifetime - TimeSpan.FromSeconds(1));
        Assert.Equal(1, await ReadAsync());
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, await ReadAsync());
    }
}
