using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Infrastructure.Caching;
using NewsPortal.Web.Infrastructure.Site;

namespace NewsPortal.UnitTests.Infrastructure;

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

    private static ReaderCache NewCache() => new(
        new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(),
        new SiteClock(TimeProvider.System, Options.Create(new SiteOptions())),
        new Lifetime());

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
}
