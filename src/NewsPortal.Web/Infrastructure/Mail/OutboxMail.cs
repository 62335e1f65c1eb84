namespace NewsPortal.Web.Infrastructure.Mail;

/// <summary>
/// A message to queue with <see cref="Outbox.Add"/>.
/// </summary>
/// <param name="Kind">What it is for: one of <see cref="MailKinds"/> (or a new constant added there).</param>
/// <param name="ToAddress">The recipient's address.</param>
/// <param name="ToName">The recipient's display name, as they wrote it (encoded by MimeKit, never put raw in a header); may be null.</param>
/// <param name="Subject">The subject as plain text; may contain user-written text (it is encoded, and line breaks are removed).</param>
/// <param name="Body">The content; the site's name, address and (for notifications) the unsubscribe line are added around it.</param>
/// <param name="UnsubscribeUrl">
/// Null for transactional mail (a confirmation link, an export link, a reply to a report). For a notification the
/// recipient did not ask for one by one (moderator alerts, reply notices), the one-click unsubscribe address
/// (site path or absolute): a POST to it with <c>List-Unsubscribe=One-Click</c> must unsubscribe (RFC 8058).
/// </param>
public sealed record OutboxMail(
    string Kind,
    string ToAddress,
    string? ToName,
    string Subject,
    MailBody Body,
    string? UnsubscribeUrl = null)
{
    /// <summary>
    /// The comments whose author's name or text the message quotes, when it goes to someone else (a moderator, a
    /// subscriber, a reporter). Erasing a commenter removes the bodies of the messages that quote their comments, so
    /// every message that quotes a reader must name the comments here.
    /// </summary>
    public IReadOnlyCollection<int> QuotedComments { get; init; } = [];
}

/// <summary>The kinds of message the site sends. Add a constant for a new kind of message.</summary>
public static class MailKinds
{
    public const string ModeratorHeld = "moderator-held";
    public const string ModeratorDigest = "moderator-digest";
    public const string ConfirmSubscription = "confirm-subscription";
    public const string ReplyNotice = "reply-notice";
    public const string CommentPublished = "comment-published";
    public const string PrivacyRequest = "privacy-request";
    public const string ReportOutcome = "report-outcome";
    public const string StatementOfReasons = "statement-of-reasons";

    /// <summary>To a reporter: an editor sent their story back with a note.</summary>
    public const string ReviewSentBack = "review-sent-back";

    /// <summary>To a reporter: an editor published or scheduled their story.</summary>
    public const string ReviewPublished = "review-published";
}
