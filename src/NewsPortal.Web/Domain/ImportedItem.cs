namespace NewsPortal.Web.Domain;

/// <summary>
/// What one item of an outside site became here: the key that makes an import repeatable. A post, comment, author,
/// term or attachment already listed is never created again, so the same export imported twice (or an import killed
/// half-way and run again) adds nothing twice. Written in the same transaction as the rows it points to.
/// </summary>
public class ImportedItem
{
    public const int SourceMaxLength = 200;
    public const int KindMaxLength = 20;
    public const int SourceKeyMaxLength = 200;

    public long Id { get; set; }

    /// <summary>The exporting site (WordPress's base site address, lowercased, without scheme): two sites never collide.</summary>
    public required string Source { get; set; }

    /// <summary>post, comment, author, category, tag or attachment.</summary>
    public required string Kind { get; set; }

    /// <summary>The item's id on the source site (a WordPress id, a login, a term slug).</summary>
    public required string SourceKey { get; set; }

    /// <summary>The row it became here (Article, Comment, Author, Category, Tag or MediaItem id).</summary>
    public int LocalId { get; set; }
}
