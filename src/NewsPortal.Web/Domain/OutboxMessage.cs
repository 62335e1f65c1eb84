namespace NewsPortal.Web.Domain;

/// <summary>
/// One e-mail waiting to go out, or sent. Written in the same transaction as the change that causes it (see
/// <c>Infrastructure/Mail/Outbox</c>), so a message exists if and only if its cause was committed. The bodies are
/// rendered when the row is written: what is stored is exactly what is sent (unless an erasure has since withdrawn
/// the row, blanking what it quoted).
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>What the message is for (a <c>MailKinds</c> value), e.g. for the Admin's list and for tests.</summary>
    public required string Kind { get; set; }

    public required string ToAddress { get; set; }

    public string? ToName { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    /// <summary>A complete HTML document; every piece of user-written text in it is encoded.</summary>
    public required string HtmlBody { get; set; }

    /// <summary>
    /// For notifications: the one-click unsubscribe address (RFC 8058). Set, the message carries
    /// <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c>.
    /// </summary>
    public string? UnsubscribeUrl { get; set; }

    /// <summary>The Message-ID, without angle brackets; fixed when the row is written so a resend carries the same one.</summary>
    public required string MessageId { get; set; }

    public OutboxStatus Status { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC. The sender does not try before this (backoff after a failure).</summary>
    public DateTime NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>Why the last attempt failed (the mail server's answer; never an address or a body).</summary>
    public string? LastError { get; set; }

    /// <summary>The claim of the instance sending it right now; null when nobody is.</summary>
    public Guid? ClaimToken { get; set; }

    /// <summary>UTC. A claim older than this belongs to an instance that died; another may take it over.</summary>
    public DateTime? ClaimedUntil { get; set; }

    /// <summary>UTC.</summary>
    public DateTime? SentAt { get; set; }

    /// <summary>The comments whose author's name or text this message quotes.</summary>
    public List<OutboxQuote> Quotes { get; } = [];
}
