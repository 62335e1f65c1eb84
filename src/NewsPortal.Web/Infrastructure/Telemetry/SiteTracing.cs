namespace NewsPortal.Web.Infrastructure.Telemetry;

/// <summary>
/// The site's own span sources, for what no kept instrumentation covers (sending mail). Like the meters' labels, a
/// span's attributes are fixed words and configuration (the SMTP host), never a recipient, subject or body.
/// </summary>
public static class SiteTracing
{
    public const string MailSourceName = "NewsPortal.Mail";

    public static readonly ActivitySource Mail = new(MailSourceName);

    /// <summary>
    /// A client span around one message's delivery (to the SMTP server, or to the pickup folder when no host is set);
    /// null when nobody listens (no tracing pipeline).
    /// </summary>
    public static Activity? StartMailSend(string kind, string? host, int port)
    {
        var activity = Mail.StartActivity(host is null ? "mail pickup" : "smtp send", ActivityKind.Client);
        if (activity is not null)
        {
            // The outbox row's kind is one of the site's own constants (reply, confirm, moderation...), never text.
            activity.SetTag("newsportal.mail.kind", kind);
            if (host is not null)
            {
                activity.SetTag("server.address", host);
                activity.SetTag("server.port", port);
            }
        }

        return activity;
    }

    /// <summary>Marks the span failed with the exception's type only: a message may quote an address.</summary>
    public static void Failed(Activity? activity, Exception exception)
    {
        activity?.SetStatus(ActivityStatusCode.Error);
        activity?.SetTag("error.type", exception.GetType().FullName);
    }
}
