namespace NewsPortal.Web.Domain;

/// <summary>
/// One saved state of a story: who saved it, when, which fields changed from the state before, and the values. Every
/// revision readers could see (or will, when scheduled) is kept; older unpublished ones are pruned.
/// </summary>
public class ArticleRevision : ArticleRecord<long>, IStoryText
{
    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>The staff member's sign-in name (kept as text so the history outlives the account).</summary>
    public required string CreatedBy { get; set; }

    /// <summary>Their display name at the time, for the list.</summary>
    public required string CreatedByName { get; set; }

    public RevisionReason Reason { get; set; }

    /// <summary>For a restore: the revision whose values were restored.</summary>
    public long? RestoredFromId { get; set; }

    /// <summary>The changed fields' names, comma-separated, in <see cref="RevisionFields"/> order; empty when nothing changed.</summary>
    public required string ChangedFields { get; set; }

    /// <summary>Readers saw (or, when scheduled, will see) these values: such revisions are never pruned.</summary>
    public bool IsPublished { get; set; }

    public required string Headline { get; set; }
    public required string Standfirst { get; set; }

    /// <summary>Sanitized HTML, as the story stored it.</summary>
    public required string BodyHtml { get; set; }

    public int CategoryId { get; set; }

    /// <summary>The section's name at the time (sections can be renamed).</summary>
    public required string SectionName { get; set; }

    public int AuthorId { get; set; }

    /// <summary>The byline(s) as readers saw them at the time.</summary>
    public required string Bylines { get; set; }

    /// <summary>The bylines after <see cref="AuthorId"/> (co-authors), in order, comma-separated; empty when none.</summary>
    public string CoAuthorIds { get; set; } = string.Empty;

    public string? HeroImageUrl { get; set; }
    public string? HeroImageAlt { get; set; }
    public string? HeroImageCaption { get; set; }

    public ArticleStatus Status { get; set; }
}

/// <summary>Why a revision was made.</summary>
public enum RevisionReason
{
    /// <summary>A save from the editor (draft, publish, schedule, update or unpublish).</summary>
    Saved = 0,

    /// <summary>Restore from an earlier revision.</summary>
    Restored = 1,

    /// <summary>A save that the editor made over a colleague's later save, after being shown both.</summary>
    KeptOverConflict = 2,

    /// <summary>The story's text as it stood before a restore, kept because no revision held it yet.</summary>
    KeptBeforeRestore = 3,
}

/// <summary>The names a revision uses for the fields it tracks, in the order they are listed.</summary>
public static class RevisionFields
{
    public const string Headline = "Headline";
    public const string Standfirst = "Standfirst";
    public const string Body = "Body";
    public const string Section = "Section";
    public const string Byline = "Byline";
    public const string HeroImage = "Hero image";
    public const string Status = "Status";

    public static readonly IReadOnlyList<string> All = [Headline, Standfirst, Body, Section, Byline, HeroImage, Status];
}
