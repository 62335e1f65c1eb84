namespace NewsPortal.Web.Domain;

public class Comment
{
    public int Id { get; set; }

    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;

    public int? ParentId { get; set; }
    public Comment? Parent { get; set; }

    public required string AuthorName { get; set; }
    public required string AuthorEmail { get; set; }

    /// <summary>HTML produced by the comment sanitizer at write time; safe to render raw.</summary>
    public required string BodyHtml { get; set; }

    public CommentStatus Status { get; set; }

    /// <summary>Why the comment was held or marked as spam, for moderators.</summary>
    public string? StatusReason { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }

    /// <summary>Written by a member of staff from the admin area.</summary>
    public bool IsStaffReply { get; set; }

    /// <summary>
    /// Hash of article, email, text and time window for reader posts; unique, so two identical posts made at
    /// the same moment are stored once even when they race. Null for comments that did not come from the form.
    /// </summary>
    public string? DedupeKey { get; set; }

    /// <summary>
    /// Place in the reported queue while readers' reports wait for a decision: 0 when one of them is about illegal
    /// content (the top of the queue), 1 otherwise; null when nothing waits.
    /// </summary>
    public int? ReportPriority { get; set; }

    /// <summary>UTC time of the oldest report still waiting for a decision.</summary>
    public DateTime? ReportedAt { get; set; }

    /// <summary>UTC time its author last changed the text, shown to readers as "edited".</summary>
    public DateTime? EditedAt { get; set; }

    /// <summary>Incremented on every change so two moderators cannot both change the same comment.</summary>
    public int Version { get; set; }
}
