namespace NewsPortal.Web.Features.Notifications;

public static class NotificationServiceCollectionExtensions
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<MailLinks>();
        services.AddScoped<NotificationDispatcher>();
        services.AddHostedService<NotificationDispatcherService>();
        return services;
    }
}
