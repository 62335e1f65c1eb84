namespace NewsPortal.Web.Domain;

/// <summary>
/// One person's unsaved editor state for one story (or for the new story they are writing, <see cref="EditorSlot.ArticleId"/> 0),
/// written by the editor page every few seconds while something changes. It never publishes and is not a revision;
/// a save of the story by its owner clears it.
/// </summary>
public class ArticleAutosave : EditorSlot, IStoryText
{
    /// <summary>UTC.</summary>
    public DateTime SavedAt { get; set; }

    /// <summary>The story's <see cref="Article.EditVersion"/> the editor was opened at, so a restore still detects a colleague's later save.</summary>
    public int OpenedAtVersion { get; set; }

    public string? Headline { get; set; }
    public string? Slug { get; set; }
    public string? Standfirst { get; set; }

    /// <summary>As typed (not sanitized): it only ever goes back into the editor, and the save sanitizes it.</summary>
    public string? BodyHtml { get; set; }

    public int CategoryId { get; set; }
    public int AuthorId { get; set; }

    /// <summary>Co-authors as chosen, in order, comma-separated.</summary>
    public string? CoAuthorIds { get; set; }

    public string? Tags { get; set; }
    public string? HeroImageUrl { get; set; }
    public string? HeroImageAlt { get; set; }
    public string? HeroImageCaption { get; set; }
}
