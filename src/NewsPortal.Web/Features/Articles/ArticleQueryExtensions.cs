using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.Articles;

/// <summary>The reader-side queries every list shares, so "newest first" and "a summary" mean one thing everywhere.</summary>
public static class ArticleQueryExtensions
{
    public static IQueryable<Article> NewestFirst(this IQueryable<Article> articles) =>
        articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id);

    /// <summary>
    /// One page of summaries in three bounded queries: the count, the ids of the page (walking the index, with no
    /// per-row work for the rows skipped over), then the summaries of just those ids. Projecting before paging
    /// would make the database compute every skipped row's comment count, which deep pages of a large archive
    /// cannot afford.
    /// </summary>
    public static async Task<PagedList<ArticleSummary>> ToSummaryPageAsync(
        this IQueryable<Article> ordered, IQueryable<Article> all, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var ids = await ordered.Skip((page - 1) * pageSize).Take(pageSize).Select(a => a.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return new PagedList<ArticleSummary>([], page, pageSize, total);
        }

        var rows = await all.Where(a => ids.Contains(a.Id)).SelectSummaries().ToListAsync(cancellationToken);
        var byId = rows.ToDictionary(r => r.Id);
        return new PagedList<ArticleSummary>(ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList(), page, pageSize, total);
    }

    public static IQueryable<ArticleSummary> SelectSummaries(this IQueryable<Article> articles) =>
        articles.Select(ToSummary);

    /// <summary>
    /// The article page's data, shared by the reader's page and the newsroom's preview. Tags come from
    /// <see cref="TagsOfAsync"/>: joined in here, SQLite would copy the whole join table for every article.
    /// </summary>
    public static readonly Expression<Func<Article, ArticleViewModel>> ToViewModel = a => new ArticleViewModel
    {
        Id = a.Id,
        Slug = a.Slug,
        Headline = a.Headline,
        Standfirst = a.Standfirst,
        BodyHtml = a.BodyHtml,
        HeroImageUrl = a.HeroImageUrl,
        HeroImageAlt = a.HeroImageAlt,
        HeroImageCaption = a.HeroImageCaption,
        AuthorName = a.Author.Name,
        AuthorSlug = a.Author.Slug,
        CategoryId = a.CategoryId,
        CategoryName = a.Category.Name,
        CategorySlug = a.Category.Slug,

        // A draft in preview has no publish time yet; readers only ever see articles that have one.
        PublishedAt = a.PublishedAt ?? a.CreatedAt,
        UpdatedAt = a.UpdatedAt,
        CommentsOpenSetting = a.CommentsOpen,

        // In the article's own query (a join), so the notes cost the page no command of their own.
        Notes = a.Notes.OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).Select(n => new ArticleNoteView(n.Kind, n.Text, n.CreatedAt)).ToList(),
    };

    /// <summary>An article's tags, straight from the join table's primary key.</summary>
    public static Task<List<TagLink>> TagsOfAsync(NewsDbContext db, int articleId, CancellationToken cancellationToken) =>
        db.Set<Dictionary<string, object>>("ArticleTag")
            .Where(j => EF.Property<int>(j, "ArticleId") == articleId)
            .Join(db.Tags, j => EF.Property<int>(j, "TagId"), t => t.Id, (_, t) => t)
            .OrderBy(t => t.Name)
            .Select(t => new TagLink(t.Name, t.Slug))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// An article's bylines in order: the first from the article itself, then its co-authors by position (straight
    /// from the join table's key, like <see cref="TagsOfAsync"/>).
    /// </summary>
    public static async Task<IReadOnlyList<BylineLink>> BylinesOfAsync(NewsDbContext db, ArticleViewModel article, CancellationToken cancellationToken)
    {
        var coAuthors = await db.ArticleCoAuthors.AsNoTracking()
            .Where(c => c.ArticleId == article.Id)
            .OrderBy(c => c.Position)
            .Select(c => new BylineLink(c.Author.Name, c.Author.Slug))
            .ToListAsync(cancellationToken);
        return [new BylineLink(article.AuthorName, article.AuthorSlug), .. coAuthors];
    }

    /// <summary>"A", "A and B", "A, B and C": how a newsroom writes several names.</summary>
    public static string JoinNames(IReadOnlyList<string> names) => names.Count switch
    {
        0 => string.Empty,
        1 => names[0],
        _ => $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}",
    };

    public static readonly Expression<Func<Article, ArticleSummary>> ToSummary = a => new ArticleSummary
    {
        Id = a.Id,
        Slug = a.Slug,
        Headline = a.Headline,
        Standfirst = a.Standfirst,
        CategoryName = a.Category.Name,
        CategorySlug = a.Category.Slug,
        AuthorName = a.Author.Name,
        AuthorSlug = a.Author.Slug,
        PublishedAt = a.PublishedAt!.Value,
        HeroImageUrl = a.HeroImageUrl,
        HeroImageAlt = a.HeroImageAlt,
        CommentCount = a.Comments.Count(c => c.Status == CommentStatus.Approved),
    };
}
