namespace NewsPortal.Web.Infrastructure.Mail;

/// <summary>
/// Queues e-mail in the transactional outbox. This is the one way the site sends mail:
/// <code>
/// outbox.Add(db, new OutboxMail(
///     MailKinds.ReportOutcome, email, name, "Your report was reviewed",
///     new MailBody().Paragraph("...").Quote(commentText).Link("The comment", "/news/a-story#comment-5")));
/// await db.SaveChangesAsync(cancellationToken); // your change and the message commit together, or neither does
/// </code>
/// <see cref="Add"/> only adds the row to the context's change tracker; it never saves. The background
/// sender delivers committed rows with retries, at least once: with several instances each row is sent by one of
/// them, and twice only when a send outlives its claim (see <see cref="OutboxSender"/>). Inject <see cref="Outbox"/> (a singleton); pass the same <see cref="NewsDbContext"/> your own change
/// uses.
/// </summary>
public sealed class Outbox(MailSite site, TimeProvider time)
{
    /// <summary>
    /// Renders <paramref name="mail"/> (text and HTML, the site's name and address around the body) and adds it to
    /// <paramref name="db"/> as a pending <see cref="OutboxMessage"/>. Nothing is written until the caller saves.
    /// </summary>
    public OutboxMessage Add(NewsDbContext db, OutboxMail mail)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentException.ThrowIfNullOrWhiteSpace(mail.ToAddress);

        var now = time.GetUtcNow().UtcDateTime;
        var baseUrl = site.BaseUrl;
        string Absolute(string pathOrUrl) => Proxy.PublicUrls.Absolute(baseUrl, pathOrUrl);

        var unsubscribe = mail.UnsubscribeUrl is null ? null : Absolute(mail.UnsubscribeUrl);
        var subject = FieldLengths.Clip(OneLine(mail.Subject), FieldLengths.MailSubject);
        var message = new OutboxMessage
        {
            Kind = mail.Kind,
            ToAddress = mail.ToAddress.Trim(),
            ToName = string.IsNullOrWhiteSpace(mail.ToName) ? null : FieldLengths.Clip(OneLine(mail.ToName), FieldLengths.CommentName),
            Subject = subject,
            TextBody = RenderText(subject, mail.Body, baseUrl, unsubscribe, Absolute),
            HtmlBody = RenderHtml(subject, mail.Body, baseUrl, unsubscribe, Absolute),
            UnsubscribeUrl = unsubscribe,
            MessageId = $"{Guid.NewGuid():N}@{HostOf(baseUrl)}",
            Status = OutboxStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        foreach (var commentId in mail.QuotedComments.Distinct())
        {
            message.Quotes.Add(new OutboxQuote { CommentId = commentId });
        }

        db.OutboxMessages.Add(message);
        return message;
    }

    private string RenderText(string subject, MailBody body, string baseUrl, string? unsubscribe, Func<string, string> absolute)
    {
        var text = new StringBuilder();
        text.Append(subject).Append("\n\n");
        text.Append(body.RenderText(absolute));
        text.Append("-- \n").Append(site.Name).Append('\n').Append(baseUrl).Append('/').Append('\n');
        if (unsubscribe is not null)
        {
            text.Append("\nTo stop these messages, open:\n").Append(unsubscribe).Append('\n');
        }

        return text.ToString();
    }

    private string RenderHtml(string subject, MailBody body, string baseUrl, string? unsubscribe, Func<string, string> absolute)
    {
        var siteName = WebUtility.HtmlEncode(site.Name);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(WebUtility.HtmlEncode(subject)).Append("</title>\n</head>\n")
            .Append("<body style=\"font-family:Georgia,serif;font-size:16px;line-height:1.5;color:#111;max-width:40em;margin:0 auto;padding:1em\">\n")
            .Append("<p style=\"font-weight:bold;font-size:1.25em;margin:0 0 1em\"><a href=\"").Append(WebUtility.HtmlEncode(baseUrl + "/"))
            .Append("\" style=\"color:#111;text-decoration:none\">").Append(siteName).Append("</a></p>\n")
            .Append("<h1 style=\"font-size:1.25em\">").Append(WebUtility.HtmlEncode(subject)).Append("</h1>\n")
            .Append(body.RenderHtml(absolute))
            .Append("<hr>\n<p style=\"font-size:.875em;color:#555\">").Append(siteName).Append(" &middot; <a href=\"")
            .Append(WebUtility.HtmlEncode(baseUrl + "/")).Append("\">").Append(WebUtility.HtmlEncode(baseUrl + "/")).Append("</a></p>\n");
        if (unsubscribe is not null)
        {
            html.Append("<p style=\"font-size:.875em;color:#555\"><a href=\"").Append(WebUtility.HtmlEncode(unsubscribe))
                .Append("\">Stop these messages</a></p>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string HostOf(string baseUrl) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.IdnHost) ? uri.IdnHost : "newsportal.invalid";

    /// <summary>Headers are one line: control characters (CR, LF among them) become spaces.</summary>
    private static string OneLine(string text)
    {
        var line = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            line.Append(char.IsControl(ch) ? ' ' : ch);
        }

        return line.ToString().Trim();
    }
}
