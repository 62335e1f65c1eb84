namespace NewsPortal.Web.Features.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddCheckedOptions<PrivacyOptions>(PrivacyOptions.SectionName);
        return services.AddScoped<PrivacyService>().AddScoped<CommenterErasure>().AddScoped<RetentionJob>()
            .AddHostedService<RetentionService>();
    }
}
