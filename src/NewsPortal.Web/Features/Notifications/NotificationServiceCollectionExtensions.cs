namespace NewsPortal.Web.Features.Notifications;

public static class NotificationServiceCollectionExtensions
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddCheckedOptions<NotificationOptions>(NotificationOptions.SectionName);
        return services.AddSingleton<MailLinks>()
            .AddScoped<NotificationWork>().AddScoped<AddressConfirmations>().AddScoped<HeldCommentAlerts>()
            .AddScoped<ReplyNotices>().AddScoped<ModeratorDigests>().AddScoped<NotificationDispatcher>()
            .AddHostedService<NotificationDispatcherService>();
    }
}
