namespace NewsPortal.Web.Domain;

public class Article
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Headline { get; set; }
    public required string Standfirst { get; set; }

    /// <summary>HTML that has already been through the article sanitizer; safe to render raw.</summary>
    public required string BodyHtml { get; set; }

    public string? HeroImageUrl { get; set; }
    public string? HeroImageAlt { get; set; }
    public string? HeroImageCaption { get; set; }

    public ArticleStatus Status { get; set; }

    /// <summary>UTC. For a scheduled article, the moment it becomes visible.</summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>UTC time of the last edit readers should know about.</summary>
    public DateTime? UpdatedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// UTC. Where the newsroom's list puts the article: its publish time, or for a draft that has none, when it was
    /// created. Computed by the database from those two, so the list can walk an index instead of sorting the archive.
    /// </summary>
    public DateTime ListedAt { get; private set; }

    public bool CommentsOpen { get; set; } = true;

    /// <summary>
    /// Goes up by one with every save from the editor. The form carries the number it was opened at, so a save over
    /// someone else's later one is caught (and the database refuses two saves from the same number).
    /// </summary>
    public int EditVersion { get; set; }

    public int AuthorId { get; set; }
    public Author Author { get; set; } = null!;

    public int CategoryId { get; set; }
    public Category Category { get; set; } = null!;

    /// <summary>Bylines after <see cref="Author"/>, in order.</summary>
    public List<ArticleCoAuthor> CoAuthors { get; set; } = [];

    public List<Tag> Tags { get; set; } = [];
    public List<Comment> Comments { get; set; } = [];

    /// <summary>Readers see an article once it is published or scheduled and its publish time has passed.</summary>
    public bool IsVisibleAt(DateTime utcNow) =>
        Status != ArticleStatus.Draft && PublishedAt is { } at && at <= utcNow;
}
