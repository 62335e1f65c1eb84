namespace NewsPortal.Web.Domain;

/// <summary>
/// A row kept about one story (a note, an event, a revision, a preview link), in its own table with a foreign key to
/// the story. Not mapped itself: each kind's table carries these columns.
/// </summary>
public abstract class ArticleRecord<TId>
    where TId : struct
{
    public TId Id { get; set; }

    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
}

/// <summary>
/// A row kept about one comment (a change, a report, a subscription, a mail trigger), in its own table with a foreign
/// key to the comment. Not mapped itself: each kind's table carries these columns.
/// </summary>
public abstract class CommentRecord<TId>
    where TId : struct
{
    public TId Id { get; set; }

    public int CommentId { get; set; }
    public Comment Comment { get; set; } = null!;
}
