namespace NewsPortal.Web.Features.Comments;

/// <summary>
/// An e-mail address the site can write to: MimeKit, the mailer, reads it as exactly this address (no display name,
/// no comment, nothing left over). Sits next to <see cref="CommentForm.EmailPattern"/>, which keeps the browser's
/// check; an address that passes the pattern but that the mailer would refuse (<c>"&gt;&lt;svg/onload=…&gt;@a.bc</c>)
/// is refused on the form with the field's own message, instead of failing later in the outbox. The address is judged
/// as it will be stored (<see cref="CommentText.CleanEmail"/>: control characters gone, trimmed), since that is what
/// the mailer will get. An empty value is left to <see cref="RequiredAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class MailAddressAttribute : ValidationAttribute
{
    public MailAddressAttribute()
        : base("You have entered an incorrect email address!")
    {
    }

    public override bool IsValid(object? value) =>
        value is not string text || CommentText.CleanEmail(text) is not { Length: > 0 } cleaned || IsMailable(cleaned);

    public static bool IsMailable(string address) =>
        MailboxAddress.TryParse(address, out var mailbox)
        && string.IsNullOrEmpty(mailbox.Name)
        && string.Equals(mailbox.Address, address, StringComparison.OrdinalIgnoreCase);
}
