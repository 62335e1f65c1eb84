namespace NewsPortal.Web.Features.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddCheckedOptions<PrivacyOptions>(PrivacyOptions.SectionName);
        services.AddScoped<PrivacyService>();
        services.AddScoped<CommenterErasure>();
        services.AddScoped<RetentionJob>();
        services.AddHostedService<RetentionService>();
        return services;
    }
}
