namespace NewsPortal.Web.Features.WordPressImport;

public static class WordPressImportServiceCollectionExtensions
{
    public static IServiceCollection AddWordPressImport(this IServiceCollection services)
    {
        services.AddSingleton<ImportWordPressExport>();
        services.AddSingleton<LegacyAddressResolver>();
        return services;
    }

    /// <summary>Old WordPress addresses answer 301 to their new homes; after routing, so only unmatched paths pay.</summary>
    public static IApplicationBuilder UseLegacyAddresses(this IApplicationBuilder app) =>
        app.UseMiddleware<LegacyAddressMiddleware>();
}
