namespace NewsPortal.Web.Data.Seed;

public static class SeedServiceCollectionExtensions
{
    /// <summary>The sample newsroom a first start fills an empty database with (<c>Seed:*</c>).</summary>
    public static IServiceCollection AddSampleContent(this IServiceCollection services)
    {
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.SectionName);
        services.AddScoped<SampleContentSeeder>();
        services.AddScoped<SamplePhotoSeeder>();
        services.AddScoped<SampleReporterSeeder>();
        return services;
    }
}
