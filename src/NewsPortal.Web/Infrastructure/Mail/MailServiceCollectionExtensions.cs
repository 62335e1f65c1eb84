namespace NewsPortal.Web.Infrastructure.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>The outbox (queueing mail in the caller's transaction).</summary>
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<MailSite>();
        services.AddSingleton<Outbox>();
        return services;
    }
}
