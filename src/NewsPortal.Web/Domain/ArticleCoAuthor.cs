namespace NewsPortal.Web.Domain;

/// <summary>
/// A byline after the first on an article. The first byline stays <see cref="Article.AuthorId"/> (the article form's
/// <c>AuthorId</c>); these follow it in <see cref="Position"/> order (1, 2, …).
/// </summary>
public class ArticleCoAuthor
{
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;

    public int AuthorId { get; set; }
    public Author Author { get; set; } = null!;

    public int Position { get; set; }
}
