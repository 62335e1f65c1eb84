using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Comments;
using NewsPortal.Web.Infrastructure.Caching;
using NewsPortal.Web.Infrastructure.Site;

namespace NewsPortal.Web.Features.Articles;

public sealed class ArticleService
{
    public const int LatestCount = 5;
    public const int RelatedCount = 4;

    private readonly SiteClock _clock;
    private readonly CommentSectionService _comments;
    private readonly ReaderSnapshot _cache;

    public ArticleService(SiteClock clock, CommentSectionService comments, ReaderSnapshot cache)
    {
        _clock = clock;
        _comments = comments;
        _cache = cache;
    }

    /// <summary>What every reader of the article shares (from the reader cache), or null when no visible article has that slug.</summary>
    public ValueTask<ArticlePageCore?> GetCoreAsync(string slug, CancellationToken cancellationToken) =>
        _cache.GetOrLoadAsync(
            $"article:{slug}", ReaderChange.Comments, (db, ct) => LoadCoreAsync(db, _clock.UtcNow, slug, ct), cancellationToken,
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

    /// <summary>Everything on the article page that is the same for every reader: five small indexed queries.</summary>
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

        article = article with { Tags = await ArticleQueryExtensions.TagsOfAsync(db, article.Id, cancellationToken) };
        var latest = await db.Articles.AsNoTracking()
            .VisibleAt(now)
            .Where(a => a.Id != article.Id)
            .NewestFirst()
            .Take(LatestCount)
            .SelectSummaries()
            .ToListAsync(cancellationToken);

        var related = await GetRelatedAsync(db, article, now, cancellationToken);
        var approved = await CommentThreadService.GetApprovedAsync(db, article.Id, cancellationToken);
        return new ArticlePageCore(article, latest, related, approved);
    }

    /// <summary>
    /// The current slug of a visible article that used to be published as <paramref name="oldSlug"/>. Cached like
    /// the pages (an unknown slug too), so a flood of requests for missing pages costs the database nothing.
    /// </summary>
    public async Task<string?> CurrentSlugForAsync(string oldSlug, CancellationToken cancellationToken) =>
        (await _cache.GetOrLoadAsync($"redirect:{oldSlug}", ReaderChange.Articles, async (db, ct) => new SlugRedirect(
            await db.ArticleSlugRedirects.AsNoTracking()
                .Where(r => r.OldSlug == oldSlug)
                .Select(r => r.Article)
                .Where(ArticleVisibility.IsVisibleAt(_clock.UtcNow))
                .Select(a => a.Slug)
                .FirstOrDefaultAsync(ct)), cancellationToken)).CurrentSlug;

    /// <summary>Lets "no redirect" be cached as well as a redirect.</summary>
    private sealed record SlugRedirect(string? CurrentSlug);

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
