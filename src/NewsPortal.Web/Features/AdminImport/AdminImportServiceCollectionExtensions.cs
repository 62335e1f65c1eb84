namespace NewsPortal.Web.Features.AdminImport;

public static class AdminImportServiceCollectionExtensions
{
    /// <summary>/admin/import: the upload, the run's record and lease, and the background runner.</summary>
    public static IServiceCollection AddAdminImport(this IServiceCollection services)
    {
        services.AddCheckedOptions<ImportOptions>(ImportOptions.SectionName);
        return services.AddSingleton<ImportWorkSignal>()
            .AddScoped<ImportRuns>().AddScoped<ImportPage>().AddScoped<StartImport>()
            .AddHostedService<ImportRunner>();
    }
}
