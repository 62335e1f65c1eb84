namespace NewsPortal.Web.Infrastructure.Mail;

public static partial class MailServiceCollectionExtensions
{
    /// <summary>
    /// The outbox (queueing mail in the caller's transaction), the transport (<c>Smtp:*</c>: MailKit, or .eml files
    /// in the pickup folder when no host is set) and the background sender.
    /// </summary>
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        services.AddCheckedOptions<SmtpOptions>(SmtpOptions.SectionName)
            .Validate(o => !o.UsesServer || !string.IsNullOrWhiteSpace(o.From), "Smtp:From (the sender address) is required when Smtp:Host is set.")
            .Validate(o => string.IsNullOrEmpty(o.Username) || o.Password is not null, "Smtp:Password is required when Smtp:Username is set.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.PickupDirectory), "Smtp:PickupDirectory must not be empty.");
        services.AddCheckedOptions<OutboxOptions>(OutboxOptions.SectionName)
            .Validate<IOptions<SmtpOptions>>(
                (outbox, smtp) => outbox.OutlastsASend(smtp.Value),
                $"Outbox:Lease must be longer than {OutboxOptions.SendsPerLease} × Smtp:TimeoutSeconds + {OutboxOptions.LeaseMargin.TotalSeconds:0} s: " +
                "a send is at least four network operations, each allowed Smtp:TimeoutSeconds, and another instance takes a message " +
                "over (and sends it again) once its claim has run out. Raise Outbox:Lease or lower Smtp:TimeoutSeconds.");

        services.AddHttpContextAccessor();
        services.AddSingleton<MailSite>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<LinkSigner>();
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<PickupMailTransport>();
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<SmtpOptions>>().Value.UsesServer
            ? sp.GetRequiredService<SmtpMailTransport>()
            : sp.GetRequiredService<PickupMailTransport>());
        services.AddSingleton<OutboxSender>();
        services.AddHostedService<OutboxSenderService>();
        return services;
    }

    /// <summary>Says at start where mail goes, so a newcomer without a mail server knows where to look.</summary>
    public static void LogMailDestination(this WebApplication app)
    {
        var smtp = app.Services.GetRequiredService<IOptions<SmtpOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("NewsPortal.Mail");
        if (smtp.UsesServer)
        {
            LogSmtp(logger, smtp.Host!, smtp.Port, smtp.Security);
        }
        else
        {
            LogPickup(logger, app.Services.GetRequiredService<PickupMailTransport>().Directory);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail goes to the SMTP server {Host}:{Port} ({Security})")]
    private static partial void LogSmtp(ILogger logger, string host, int port, SmtpSecurity security);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Smtp:Host is set: e-mail is written as .eml files to {PickupDirectory}")]
    private static partial void LogPickup(ILogger logger, string pickupDirectory);
}
