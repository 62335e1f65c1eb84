namespace NewsPortal.Web.Domain;

/// <summary>
/// A comment whose author's name or text an <see cref="OutboxMessage"/> quotes (a moderator alert, a digest, a reply
/// notice, a report's outcome). Mail to other people carries a commenter's words too: erasure finds those messages by
/// the commenter's comment ids and removes their bodies.
/// </summary>
public class OutboxQuote
{
    public long OutboxMessageId { get; set; }

    public int CommentId { get; set; }
}
