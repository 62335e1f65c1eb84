namespace NewsPortal.Web.Features;

public static class SectionsAndBylinesFeatures
{
    /// <summary>The newsroom's sections and bylines pages and the public author page.</summary>
    public static IServiceCollection AddSectionsAndBylines(this IServiceCollection services)
    {
        services.AddScoped<AdminSections.SectionAdmin>();
        services.AddScoped<AdminBylines.BylineAdmin>();
        services.AddScoped<Authors.AuthorPageService>();
        return services;
    }
}
