namespace NewsPortal.Web.Domain;

public enum ArticleNoteKind
{
    /// <summary>Something the story got wrong, now put right.</summary>
    Correction = 0,

    /// <summary>New information added since publication.</summary>
    Update = 1,
}

/// <summary>
/// A dated correction or update note on a published story, shown to readers below the body and in the page's
/// structured data. Notes are never edited or deleted: a correction that is itself wrong gets another correction.
/// </summary>
public class ArticleNote : ArticleRecord<int>
{
    public ArticleNoteKind Kind { get; set; }

    /// <summary>Plain text, as the editor wrote it (encoded when shown).</summary>
    public required string Text { get; set; }

    /// <summary>UTC. The date readers see on the note.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>The editor's display name, kept as text so the note outlives the account.</summary>
    public required string CreatedBy { get; set; }
}
