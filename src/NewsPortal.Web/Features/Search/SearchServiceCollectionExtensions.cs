namespace NewsPortal.Web.Features.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>The reader search, its bulkhead and its per-client limit (the provider's queries come with the database).</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddScoped<SearchService>();
        services.AddSingleton<SearchGate>();
        services.AddSearchRateLimiting();
        return services;
    }
}
