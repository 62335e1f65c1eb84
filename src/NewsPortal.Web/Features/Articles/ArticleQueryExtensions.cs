using System.Linq.Expressions;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Articles;

/// <summary>The reader-side rules every page shares, so "visible" and "a summary" mean one thing everywhere.</summary>
public static class ArticleQueryExtensions
{
    /// <summary>Published or scheduled, and the publish time has passed. Mirrors <see cref="Article.IsVisibleAt"/>.</summary>
    public static IQueryable<Article> VisibleAt(this IQueryable<Article> articles, DateTime utcNow) =>
        articles.Where(IsVisibleAt(utcNow));

    /// <summary>The same rule as an expression, for use inside other queries (e.g. a category's articles).</summary>
    public static Expression<Func<Article, bool>> IsVisibleAt(DateTime utcNow) =>
        a => a.Status != ArticleStatus.Draft && a.PublishedAt != null && a.PublishedAt <= utcNow;

    public static IQueryable<Article> NewestFirst(this IQueryable<Article> articles) =>
        articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id);

    public static IQueryable<ArticleSummary> SelectSummaries(this IQueryable<Article> articles) =>
        articles.Select(ToSummary);

    public static readonly Expression<Func<Article, ArticleSummary>> ToSummary = a => new ArticleSummary
    {
        Id = a.Id,
        Slug = a.Slug,
        Headline = a.Headline,
        Standfirst = a.Standfirst,
        CategoryName = a.Category.Name,
        CategorySlug = a.Category.Slug,
        AuthorName = a.Author.Name,
        PublishedAt = a.PublishedAt!.Value,
        HeroImageUrl = a.HeroImageUrl,
        HeroImageAlt = a.HeroImageAlt,
        CommentCount = a.Comments.Count(c => c.Status == CommentStatus.Approved),
    };
}
