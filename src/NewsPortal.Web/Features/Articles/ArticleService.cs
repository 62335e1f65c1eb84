using NewsPortal.Web.Features.Comments;

namespace NewsPortal.Web.Features.Articles;

public sealed class ArticleService(SiteClock clock, CommentSectionService comments, ReaderSnapshot cache)
{
    public const int LatestCount = 5;
    public const int RelatedCount = 4;

    private readonly CommentSectionService _comments = comments;

    /// <summary>What every reader of the article shares (from the reader cache), or null when no visible article has that slug.</summary>
    public async ValueTask<ArticlePageCore?> GetCoreAsync(string slug, CancellationToken cancellationToken) =>
        await ResolveAsync(slug, cancellationToken) != slug
            ? null
            : await cache.GetOrLoadAsync(
                $"article:{slug}", ReaderChange.Comments, (db, ct) => LoadCoreAsync(db, clock.UtcNow, slug, ct), cancellationToken,
                core => core is null ? 256 : ArticlePageCore.ApproximateBytes(core));

    /// <summary>
    /// The whole article page for one viewer: the shared core plus the comments section as
    /// <paramref name="viewer"/> sees it (page, order, their held comments, the form).
    /// </summary>
    public async Task<ArticlePageViewModel> GetPageAsync(ArticlePageCore core, CommentViewer viewer, CancellationToken cancellationToken)
    {
        var article = core.Article;
        var section = await _comments.BuildAsync(
            new CommentedArticle(article.Id, article.Slug, article.PublishedAt, article.CommentsOpenSetting, core.ApprovedComments),
            viewer,
            cancellationToken);
        return new ArticlePageViewModel
        {
            Article = article,
            Latest = core.Latest,
            Related = core.Related,
            Comments = section,
            FragmentKey = article.Slug,
        };
    }

    /// <summary>The comment page holding <paramref name="commentId"/> for this viewer, or null when they cannot see it.</summary>
    public Task<int?> CommentPageAsync(ArticlePageCore core, int commentId, IReadOnlySet<int> ownHeldIds, CommentSort sort, CancellationToken cancellationToken) =>
        _comments.PageOfAsync(core.Article.Id, core.ApprovedComments, ownHeldIds, commentId, sort, cancellationToken);

    /// <summary>
    /// Everything on the article page that is the same for every reader: six small indexed queries, two more when the
    /// body has media library images (see ResponsiveBodyImages), and two more to find the first of them when there is
    /// no hero (see ResponsiveImages.FirstInBodyAsync).
    /// </summary>
    private static async Task<ArticlePageCore?> LoadCoreAsync(NewsDbContext db, DateTime now, string slug, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking()
            .VisibleAt(now)
            .Where(a => a.Slug == slug)
            .Select(ArticleQueryExtensions.ToViewModel)
            .SingleOrDefaultAsync(cancellationToken);

        if (article is null)
        {
            return null;
        }

        article = article with
        {
            Tags = await ArticleQueryExtensions.TagsOfAsync(db, article.Id, cancellationToken),
            Bylines = await ArticleQueryExtensions.BylinesOfAsync(db, article, cancellationToken),
            BodyHtml = await ResponsiveBodyImages.RewriteAsync(db, article.BodyHtml, cancellationToken),
            HeroImage = (await ResponsiveImages.ForAddressesAsync(db, [article.HeroImageUrl], cancellationToken)).GetValueOrDefault(article.HeroImageUrl ?? string.Empty),
            BodyImage = article.HeroImageUrl is null ? await ResponsiveImages.FirstInBodyAsync(db, article.BodyHtml, cancellationToken) : null,
        };
        var latest = await db.Articles.AsNoTracking()
            .VisibleAt(now)
            .Where(a => a.Id != article.Id)
            .NewestFirst()
            .Take(LatestCount)
            .SelectSummaries()
            .ToListAsync(cancellationToken);

        var related = await GetRelatedAsync(db, article, now, cancellationToken);
        await ResponsiveImages.AttachAsync(db, [.. latest, .. related], cancellationToken);
        var approved = await CommentThreadService.GetApprovedAsync(db, article.Id, cancellationToken);
        return new ArticlePageCore(article, latest, related, approved);
    }

    /// <summary>The current slug of a visible article that used to be published as <paramref name="oldSlug"/>.</summary>
    public async Task<string?> CurrentSlugForAsync(string oldSlug, CancellationToken cancellationToken) =>
        await ResolveAsync(oldSlug, cancellationToken) is { } current && current != oldSlug ? current : null;

    /// <summary>
    /// The current slug of the visible article that answers to <paramref name="slug"/>: its own, the one it moved to
    /// (the old address answers 301), or null. One query, cached at low priority: a repeated missing slug costs the
    /// database nothing, and a flood of distinct ones costs one query and one small entry each, which are the first
    /// the store drops when it is full. Text that cannot be a slug costs nothing at all.
    /// </summary>
    private async ValueTask<string?> ResolveAsync(string slug, CancellationToken cancellationToken)
    {
        if (!CouldBeSlug(slug))
        {
            return null;
        }

        return (await cache.GetOrLoadAsync(
            $"slug:{slug}",
            ReaderChange.Articles,
            async (db, ct) =>
            {
                var now = clock.UtcNow;
                return new SlugAnswer(await db.Articles.AsNoTracking()
                    .VisibleAt(now)
                    .Where(a => a.Slug == slug)
                    .Select(a => new { a.Slug, Rank = 0 })
                    .Concat(db.ArticleSlugRedirects.AsNoTracking()
                        .Where(r => r.OldSlug == slug)
                        .Select(r => r.Article)
                        .Where(ArticleVisibility.IsVisibleAt(now))
                        .Select(a => new { a.Slug, Rank = 1 }))
                    .OrderBy(a => a.Rank)
                    .Select(a => a.Slug)
                    .FirstOrDefaultAsync(ct));
            },
            cancellationToken,
            priority: CacheItemPriority.Low)).CurrentSlug;
    }

    /// <summary>Slugs are letters, digits and hyphens (the editor's rule) of bounded length; anything else is no article's.</summary>
    private static bool CouldBeSlug(string slug) =>
        slug.Length is > 0 and <= FieldLengths.Slug && slug.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>Lets "no such slug" be cached as well as an answer.</summary>
    private sealed record SlugAnswer(string? CurrentSlug);

    /// <summary>
    /// Same section or a shared tag, newest first, never the article itself. Two queries, each walking an index
    /// from the newest end, instead of one OR that would make the database scan and sort a whole section.
    /// </summary>
    private static async Task<List<ArticleSummary>> GetRelatedAsync(
        NewsDbContext db, ArticleViewModel article, DateTime now, CancellationToken cancellationToken)
    {
        var sameSection = await db.Articles.AsNoTracking()
            .VisibleAt(now)
            .Where(a => a.CategoryId == article.CategoryId && a.Id != article.Id)
            .NewestFirst()
            .Take(RelatedCount)
            .SelectSummaries()
            .ToListAsync(cancellationToken);

        var tagSlugs = article.Tags.Select(t => t.Slug).ToList();
        var sharedTag = tagSlugs.Count == 0 ? [] : await db.Articles.AsNoTracking()
            .VisibleAt(now)
            .Where(a => a.Id != article.Id && a.Tags.Any(t => tagSlugs.Contains(t.Slug)))
            .NewestFirst()
            .Take(RelatedCount)
            .SelectSummaries()
            .ToListAsync(cancellationToken);

        return sameSection.Concat(sharedTag)
            .DistinctBy(a => a.Id)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(RelatedCount)
            .ToList();
    }
}

/// <summary>The part of an article page every reader shares; cached, so immutable.</summary>
[System.ComponentModel.ImmutableObject(true)]
public sealed record ArticlePageCore(
    ArticleViewModel Article,
    IReadOnlyList<ArticleSummary> Latest,
    IReadOnlyList<ArticleSummary> Related,
    IReadOnlyList<CommentRow> ApprovedComments)
{
    /// <summary>Top-level threads among the approved comments (a reply whose parent is not shown counts as one).</summary>
    public int RootCount { get; } = CountRoots(ApprovedComments);

    /// <summary>How many comment pages an anonymous reader sees at <paramref name="threadsPerPage"/> threads a page.</summary>
    public int CommentPageCount(int threadsPerPage) => Math.Max(1, (RootCount + threadsPerPage - 1) / threadsPerPage);

    private static int CountRoots(IReadOnlyList<CommentRow> comments)
    {
        var ids = comments.Select(c => c.Id).ToHashSet();
        return comments.Count(c => c.ParentId is not { } parent || !ids.Contains(parent) || parent == c.Id);
    }

    /// <summary>Roughly what the page's data occupies: its text as UTF-16 plus a fixed cost per object.</summary>
    public static long ApproximateBytes(ArticlePageCore core) =>
        2L * (core.Article.BodyHtml.Length + core.Article.Headline.Length + core.Article.Standfirst.Length)
        + core.ApprovedComments.Sum(c => 2L * (c.BodyHtml.Length + c.AuthorName.Length) + 96)
        + (core.Latest.Count + core.Related.Count) * 1024L
        + 4096;
}
