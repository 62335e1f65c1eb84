namespace NewsPortal.Web.Domain;

/// <summary>A slug an article was published under before; its URL answers 301 to the current one.</summary>
public class ArticleSlugRedirect
{
    public int Id { get; set; }
    public required string OldSlug { get; set; }

    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }
}
