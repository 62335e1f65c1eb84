namespace NewsPortal.Web.Features.Notifications;

/// <summary>
/// The pages links in e-mail open, without signing in: confirming an address for reply notices, and unsubscribing
/// (one conversation, every notice to an address, or a moderator's alerts). A GET only shows a page with a button; the
/// change is a POST. The unsubscribe POST also accepts a mail client's RFC 8058 one-click POST, which carries no
/// antiforgery token: the signed link is the authority.
/// </summary>
[Route("mail")]
public sealed class MailLinksController(NewsDbContext db, LinkSigner signer, TimeProvider time) : SignedLinkController(signer)
{
    private readonly NewsDbContext _db = db;

    protected override string ExpiredAdvice => "Links in our e-mails work for a limited time. Ask again from the comment form or the privacy page.";

    protected override string InvalidAdvice => "The link may have been cut short when it was copied. Open it from the e-mail again.";

    [HttpGet("confirm")]
    public Task<IActionResult> Confirm([FromQuery(Name = "t")] string? token) =>
        ButtonPageAsync(MailLinks.ConfirmPurpose, token, "Confirm reply notices", "Press the button to start getting an e-mail when someone replies to your comments.", "Yes, send me reply notices");

    [HttpPost("confirm")]
    public Task<IActionResult> ConfirmPost([FromQuery(Name = "t")] string? token, CancellationToken cancellationToken) =>
        WithLinkAsync(MailLinks.ConfirmPurpose, token, async email =>
        {
            var address = await _db.SubscriberAddresses.SingleOrDefaultAsync(a => a.Email == email, cancellationToken);
            if (address is null)
            {
                return MailPage("Nothing to confirm", "This address has no reply notices to confirm any more (it may have unsubscribed since).");
            }

            address.ConfirmedAt ??= time.GetUtcNow().UtcDateTime;
            await _db.SaveChangesAsync(cancellationToken);
            return MailPage("Reply notices confirmed", "Thank you. From now on you get an e-mail when someone replies to a comment for which you asked. Every notice has a link to stop them.");
        });

    [HttpGet("unsubscribe")]
    public Task<IActionResult> Unsubscribe([FromQuery(Name = "t")] string? token) =>
        WithLinkAsync(MailLinks.UnsubscribePurpose, token, subject =>
        {
            var what = subject.StartsWith("thread:", StringComparison.Ordinal) ? "reply notices for this conversation"
                : subject.StartsWith("staff:", StringComparison.Ordinal) ? "e-mail about held comments"
                : "every reply notice to this address";
            return Task.FromResult<IActionResult>(MailPage("Unsubscribe", $"Press the button to stop {what}.", "Unsubscribe", token));
        });

    [HttpPost("unsubscribe")]
    [IgnoreAntiforgeryToken]
    public Task<IActionResult> UnsubscribePost([FromQuery(Name = "t")] string? token, CancellationToken cancellationToken) =>
        WithLinkAsync(MailLinks.UnsubscribePurpose, token, async subject =>
            await UnsubscribeAsync(_db, subject, cancellationToken) is { } done ? MailPage("Unsubscribed", done) : Refused(LinkCheck.Invalid));

    /// <summary>Carries out what a signed unsubscribe link stands for; returns what to tell the reader, or null.</summary>
    internal static async Task<string?> UnsubscribeAsync(NewsDbContext db, string subject, CancellationToken cancellationToken)
    {
        if (subject.StartsWith("thread:", StringComparison.Ordinal)
            && int.TryParse(subject.AsSpan("thread:".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var subscriptionId))
        {
            await db.ReplySubscriptions.Where(s => s.Id == subscriptionId).ExecuteDeleteAsync(cancellationToken);
            return "You will get no more reply notices for this conversation.";
        }

        if (subject.StartsWith("all:", StringComparison.Ordinal))
        {
            var email = subject["all:".Length..];
            await db.ReplySubscriptions.Where(s => s.Email == email).ExecuteDeleteAsync(cancellationToken);
            await db.SubscriberAddresses.Where(a => a.Email == email).ExecuteDeleteAsync(cancellationToken);
            return "You will get no more reply notices at this address.";
        }

        if (subject.StartsWith("staff:", StringComparison.Ordinal))
        {
            var staffId = subject["staff:".Length..];
            await db.StaffMailPreferences.Where(p => p.StaffUserId == staffId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.HeldComments, HeldCommentMail.Nothing).SetProperty(p => p.Version, p => p.Version + 1), cancellationToken);
            return "You will get no more e-mail about held comments. You can choose again on your notifications page in the admin area.";
        }

        return null;
    }
}
