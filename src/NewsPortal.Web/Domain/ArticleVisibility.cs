namespace NewsPortal.Web.Domain;

/// <summary>What "readers can see this article" means, in one place for every slice and both databases.</summary>
public static class ArticleVisibility
{
    /// <summary>Published or scheduled, and the publish time has passed. Mirrors <see cref="Article.IsVisibleAt"/>.</summary>
    public static IQueryable<Article> VisibleAt(this IQueryable<Article> articles, DateTime utcNow) =>
        articles.Where(IsVisibleAt(utcNow));

    /// <summary>The same rule as an expression, for use inside other queries (e.g. a category's articles).</summary>
    public static Expression<Func<Article, bool>> IsVisibleAt(DateTime utcNow) =>
        a => a.Status != ArticleStatus.Draft && a.PublishedAt != null && a.PublishedAt <= utcNow;

    /// <summary>
    /// The same rule as SQL, for the raw queries of <c>Data/Queries</c>: the article's alias and the placeholder that
    /// holds the time. A NULL PublishedAt fails the comparison, as the expression's null check does
    /// (<c>ArticleVisibilityTests</c> runs both over every kind of article and compares).
    /// </summary>
    public static string Sql(string alias, string utcNowPlaceholder) =>
        $"{alias}.Status <> {(int)ArticleStatus.Draft} AND {alias}.PublishedAt <= {utcNowPlaceholder}";
}
