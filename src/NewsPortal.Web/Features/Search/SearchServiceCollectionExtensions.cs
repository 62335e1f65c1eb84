namespace NewsPortal.Web.Features.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>The reader search, its bulkhead and its options (its per-client limit is in PerClientLimits; the provider's queries come with the database).</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddScoped<SearchService>();
        services.AddSingleton<SearchGate>();
        services.AddCheckedOptions<SearchOptions>(SearchOptions.SectionName);
        return services;
    }
}
