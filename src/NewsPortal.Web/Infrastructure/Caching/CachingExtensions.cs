namespace NewsPortal.Web.Infrastructure.Caching;

public static class CachingExtensions
{
    /// <summary>Upper bound of the in-process cache, in (approximate) bytes: a long tail of articles must not grow it without end.</summary>
    public const long MemoryCacheBytes = 48L * 1024 * 1024;

    /// <summary>Upper bound of the rendered-fragment cache (the &lt;cache&gt; tag helper), in characters.</summary>
    public const long FragmentCacheSize = 24L * 1024 * 1024;

    public static IServiceCollection AddReaderCache(this IServiceCollection services)
    {
        // HybridCache keeps its local copies in this cache and gives each entry a size; with a limit, the least
        // recently used go first once it is full.
        services.AddMemoryCache(o => o.SizeLimit = MemoryCacheBytes);
        services.Configure<Microsoft.AspNetCore.Mvc.TagHelpers.CacheTagHelperOptions>(o => o.SizeLimit = FragmentCacheSize);
        services.AddHybridCache(o =>
        {
            // The sitemap of a large archive is the biggest entry; anything larger is simply not cached.
            o.MaximumPayloadBytes = 32 * 1024 * 1024;
        });
        services.AddSingleton<ReaderCache>();
        return services;
    }
}
