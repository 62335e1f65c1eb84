namespace NewsPortal.Web.Domain;

/// <summary>One reader's report of one comment, and later the decision on it.</summary>
public class CommentReport : CommentRecord<long>
{
    public ReportReason Reason { get; set; }

    /// <summary>The reader's words (required for illegal content: which law, or why).</summary>
    public string? Explanation { get; set; }

    /// <summary>Where to send the outcome, when the reader asked for it. Never shown publicly.</summary>
    public string? ReporterEmail { get; set; }

    /// <summary>SHA-256 of the reader's random id from their signed cookie: one report per reader per comment.</summary>
    public required string ReaderKey { get; set; }

    /// <summary>Keyed hash of the client IP address (not the address itself), null when it was unknown.</summary>
    public string? IpKey { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    public ReportDecision? Decision { get; set; }

    /// <summary>UTC.</summary>
    public DateTime? DecidedAt { get; set; }

    /// <summary>The staff member's email.</summary>
    public string? DecidedBy { get; set; }

    /// <summary>The ground chosen from the list when the comment was hidden or removed.</summary>
    public string? DecisionGround { get; set; }

    /// <summary>The moderator's own words, part of the statement of reasons.</summary>
    public string? DecisionStatement { get; set; }
}

/// <summary>Why a reader reported a comment (the form's <c>Reason</c> values are the kebab-case names).</summary>
public enum ReportReason
{
    Spam = 0,
    Abuse = 1,
    OffTopic = 2,
    Illegal = 3,
    Other = 4,
}

/// <summary>What a moderator decided about a reported comment.</summary>
public enum ReportDecision
{
    /// <summary>The reports were not upheld; the comment stays (or goes back up, if the reports had held it).</summary>
    Dismissed = 1,

    /// <summary>The comment was taken off the site (rejected), with a statement of reasons.</summary>
    Hidden = 2,

    /// <summary>The comment was removed (to the bin), with a statement of reasons.</summary>
    Removed = 3,
}
