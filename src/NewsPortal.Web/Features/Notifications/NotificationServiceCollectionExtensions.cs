namespace NewsPortal.Web.Features.Notifications;

public static class NotificationServiceCollectionExtensions
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddCheckedOptions<NotificationOptions>(NotificationOptions.SectionName);
        services.AddSingleton<MailLinks>();
        services.AddScoped<NotificationWork>();
        services.AddScoped<AddressConfirmations>();
        services.AddScoped<HeldCommentAlerts>();
        services.AddScoped<ReplyNotices>();
        services.AddScoped<ModeratorDigests>();
        services.AddScoped<NotificationDispatcher>();
        services.AddHostedService<NotificationDispatcherService>();
        return services;
    }
}
