namespace NewsPortal.Web.Domain;

/// <summary>How often a member of staff hears about held comments.</summary>
public enum HeldCommentMail
{
    Nothing = 0,
    EveryComment = 1,
    HourlyDigest = 2,
    DailyDigest = 3,
}

/// <summary>One member of staff's choice of e-mail about held comments.</summary>
public class StaffMailPreference
{
    public required string StaffUserId { get; set; }

    public HeldCommentMail HeldComments { get; set; }

    /// <summary>UTC. When the last digest was queued (or the preference chosen); the next covers comments held since.</summary>
    public DateTime DigestFrom { get; set; }

    /// <summary>Concurrency token: of two instances queuing the same digest, one wins.</summary>
    public int Version { get; set; }
}

public enum MailTriggerKind
{
    /// <summary>A reader's comment was held for moderation.</summary>
    Held = 0,

    /// <summary>A comment was published as it was posted (a staff reply, an auto-approved comment).</summary>
    Published = 1,

    /// <summary>A held comment was published by a moderator.</summary>
    Approved = 2,
}

/// <summary>
/// Something that happened to a comment that may cause e-mail, written in the same transaction as the change (with
/// the comment as a navigation, so a new comment's id is filled in by the same save). The notification dispatcher
/// turns triggers into outbox messages, grouping replies, and deletes them in the same transaction.
/// </summary>
public class MailTrigger : CommentRecord<long>
{
    public MailTriggerKind Kind { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }
}

/// <summary>A commenter who asked to hear about replies to one of their comments.</summary>
public class ReplySubscription : CommentRecord<int>
{
    /// <summary>Cleaned (lowercase) address, as comments store it.</summary>
    public required string Email { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }
}

/// <summary>An address that asked for reply notices: confirmed once it followed the link mailed to it (double opt-in).</summary>
public class SubscriberAddress
{
    public required string Email { get; set; }

    /// <summary>UTC; null until the address confirmed.</summary>
    public DateTime? ConfirmedAt { get; set; }

    /// <summary>UTC. When the confirmation link was last mailed (not more often than once a day).</summary>
    public DateTime ConfirmationSentAt { get; set; }
}
