namespace NewsPortal.Web.Infrastructure.Caching;

public static class CachingExtensions
{
    /// <summary>
    /// The reader cache (one store, versioned keys), the interceptor that moves its versions after every committed
    /// change, and the bus that keeps other instances in step through Redis when it is configured
    /// (<c>Cache:SyncMilliseconds</c>).
    /// </summary>
    public static IServiceCollection AddReaderCache(this IServiceCollection services)
    {
        services.AddCheckedOptions<CacheOptions>(CacheOptions.SectionName);
        return services
            .AddSingleton<RedisConnection>().AddSingleton<ReaderCache>().AddSingleton<ReaderChangeInterceptor>()
            .AddSingleton<ReaderChangeBus>().AddHostedService(sp => sp.GetRequiredService<ReaderChangeBus>())
            .AddScoped<ReaderSnapshot>();
    }
}
