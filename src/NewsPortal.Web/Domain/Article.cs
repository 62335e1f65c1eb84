namespace NewsPortal.Web.Domain;

public class Article : ISluggedPage, IStoryText
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

    /// <summary>The staff account that created the story (a reporter may edit only their own); null for older stories.</summary>
    public string? CreatedById { get; set; }

    /// <summary>UTC. Set while the story waits in the review queue ("ready for review"); its status stays Draft.</summary>
    public DateTime? SubmittedAt { get; set; }

    /// <summary>What the reporter wrote to the editor when submitting.</summary>
    public string? SubmissionNote { get; set; }

    /// <summary>The editor's note when they last sent the story back; shown to its reporter until it is resubmitted.</summary>
    public string? SentBackNote { get; set; }

    /// <summary>UTC. When the story was last sent back.</summary>
    public DateTime? SentBackAt { get; set; }

    public List<Tag> Tags { get; set; } = [];

    /// <summary>Dated corrections and updates shown below the body.</summary>
    public List<ArticleNote> Notes { get; set; } = [];
    public List<Comment> Comments { get; set; } = [];

    /// <summary>Readers see an article once it is published or scheduled and its publish time has passed.</summary>
    public bool IsVisibleAt(DateTime utcNow) =>
        Status != ArticleStatus.Draft && PublishedAt is { } at && at <= utcNow;
}
