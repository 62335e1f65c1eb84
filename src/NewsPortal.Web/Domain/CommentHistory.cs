namespace NewsPortal.Web.Domain;

/// <summary>One change to a comment made in the admin area: who, when, and from which status to which.</summary>
public class CommentHistory : CommentRecord<long>
{
    /// <summary>UTC.</summary>
    public DateTime ChangedAt { get; set; }

    /// <summary>The staff member's email (kept as text so the history outlives the account).</summary>
    public required string ChangedBy { get; set; }

    public CommentStatus FromStatus { get; set; }
    public CommentStatus ToStatus { get; set; }

    /// <summary>What else happened, e.g. "Edited the text" or "Replied as staff".</summary>
    public string? Note { get; set; }

    /// <summary>The text before an edit (sanitized HTML, as it was stored), kept for moderators.</summary>
    public string? PreviousBodyHtml { get; set; }

    /// <summary>A change to comment <paramref name="commentId"/>, its note clipped to the column.</summary>
    public static CommentHistory Of(
        int commentId, DateTime at, string by, CommentStatus from, CommentStatus to, string? note, string? previousBodyHtml = null) => new()
        {
            CommentId = commentId,
            ChangedAt = at,
            ChangedBy = by,
            FromStatus = from,
            ToStatus = to,
            Note = note is null ? null : FieldLengths.Clip(note, FieldLengths.HistoryNote),
            PreviousBodyHtml = previousBodyHtml,
        };
}
