namespace NewsPortal.Web.Infrastructure.Mail;

/// <summary>
/// Turns a stored <see cref="OutboxMessage"/> into MIME: multipart/alternative (text, then HTML), the stored
/// Message-ID, and for notifications the RFC 8058 one-click unsubscribe headers. Names and subjects go through
/// MimeKit, which encodes them (RFC 2047); nothing user-written is written into a header by hand.
/// </summary>
public static class MimeMessageFactory
{
    public static MimeMessage Create(OutboxMessage row, string fromAddress, string fromName, DateTimeOffset date)
    {
        var message = new MimeMessage
        {
            MessageId = row.MessageId,
            Subject = row.Subject,
            Date = date,
        };
        message.From.Add(new MailboxAddress(fromName, fromAddress));
        message.To.Add(new MailboxAddress(row.ToName ?? string.Empty, row.ToAddress));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (row.UnsubscribeUrl is not null)
        {
            message.Headers.Add("List-Unsubscribe", "<" + row.UnsubscribeUrl + ">");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        var body = new BodyBuilder { TextBody = row.TextBody, HtmlBody = row.HtmlBody };
        message.Body = body.ToMessageBody();
        return message;
    }
}
