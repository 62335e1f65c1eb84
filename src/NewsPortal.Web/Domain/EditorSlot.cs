namespace NewsPortal.Web.Domain;

/// <summary>
/// One person's row about one story in the editor, keyed by both. Not mapped itself: each kind's table carries these
/// columns, with no foreign key to the story.
/// </summary>
public abstract class EditorSlot
{
    /// <summary>The story; an autosave of a story not saved yet has 0.</summary>
    public int ArticleId { get; set; }

    /// <summary>The staff account (Identity user id).</summary>
    public required string UserId { get; set; }
}
