namespace NewsPortal.Web.Infrastructure.Caching;

public static class CachingExtensions
{
    public static IServiceCollection AddReaderCache(this IServiceCollection services)
    {
        services.AddHybridCache(o =>
        {
            // The sitemap of a large archive is the biggest entry; anything larger is simply not cached.
            o.MaximumPayloadBytes = 32 * 1024 * 1024;
        });
        services.AddSingleton<ReaderCache>();
        return services;
    }
}
