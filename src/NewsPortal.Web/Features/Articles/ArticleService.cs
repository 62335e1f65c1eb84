using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Features.Comments;
using NewsPortal.Web.Infrastructure.Caching;
using NewsPortal.Web.Infrastructure.Site;

namespace NewsPortal.Web.Features.Articles;

public sealed class ArticleService
{
    public const int LatestCount = 5;
    public const int RelatedCount = 4;

    private readonly NewsDbContext _db;
    private readonly SiteClock _clock;
    private readonly CommentThreadService _comments;
    private readonly CommentRulesSource _rules;
    private readonly FormStamp _stamp;
    private readonly ReaderSnapshot _cache;

    public ArticleService(
        NewsDbContext db, SiteClock clock, CommentThreadService comments, CommentRulesSource rules, FormStamp stamp, ReaderSnapshot cache)
    {
        _db = db;
        _clock = clock;
        _comments = comments;
        _rules = rules;
        _stamp = stamp;
        _cache = cache;
    }

    /// <summary>
    /// The whole article page, or null when no visible article has that slug. What every reader shares comes from
    /// the reader cache; the viewer's own held comments, the form and its stamp are added for this request only.
    /// <paramref name="postedForm"/> is what the reader typed when a post failed validation; otherwise the form
    /// starts empty with a fresh stamp, as a reply to <paramref name="replyTo"/> when that comment is shown.
    /// </summary>
    public async Task<ArticlePageViewModel?> GetPageAsync(
        string slug,
        IReadOnlySet<int> ownHeldCommentIds,
        CommentForm? postedForm,
        int? replyTo,
        CancellationToken cancellationToken)
    {
        var core = await _cache.GetOrLoadAsync(
            $"article:{slug}", ReaderChange.Comments, (db, ct) => LoadCoreAsync(db, _clock.UtcNow, slug, ct), cancellationToken, core => core is null ? 256 : ArticlePageCore.ApproximateBytes(core));
        if (core is null)
        {
            return null;
        }

        var article = core.Article;
        var held = await _comments.GetOwnHeldAsync(article.Id, ownHeldCommentIds, cancellationToken);
        var comments = CommentThreadService.Build(core.ApprovedComments, held);
        var rules = await _rules.GetAsync(cancellationToken);

        var form = postedForm ?? new CommentForm { ParentId = replyTo };
        if (_stamp.Age(form.Stamp) is null)
        {
            form.Stamp = _stamp.Issue();
        }

        var replyToName = form.ParentId is { } parentId ? core.ApprovedComments.FirstOrDefault(c => c.Id == parentId)?.AuthorName : null;
        if (replyToName is null)
        {
            form.ParentId = null;
        }

        return new ArticlePageViewModel
        {
            Article = article,
            Latest = core.Latest,
            Related = core.Related,
            Comments = comments,
            CommentsOpen = CommentRulesSource.IsOpen(article.CommentsOpenSetting, article.PublishedAt, _clock.UtcNow, rules),
            FragmentKey = article.Slug,
            CommentForm = form,
            ReplyToName = replyToName,
        };
    }

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

    /// <summary>The current slug of a visible article that used to be published as <paramref name="oldSlug"/>.</summary>
    public Task<string?> CurrentSlugForAsync(string oldSlug, CancellationToken cancellationToken)
    {
        var visible = ArticleQueryExtensions.IsVisibleAt(_clock.UtcNow);
        return _db.ArticleSlugRedirects.AsNoTracking()
            .Where(r => r.OldSlug == oldSlug)
            .Select(r => r.Article)
            .Where(visible)
            .Select(a => a.Slug)
            .FirstOrDefaultAsync(cancellationToken);
    }

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
    /// <summary>Roughly what the page's data occupies: its text as UTF-16 plus a fixed cost per object.</summary>
    public static long ApproximateBytes(ArticlePageCore core) =>
        2L * (core.Article.BodyHtml.Length + core.Article.Headline.Length + core.Article.Standfirst.Length)
        + core.ApprovedComments.Sum(c => 2L * (c.BodyHtml.Length + c.AuthorName.Length) + 96)
        + (core.Latest.Count + core.Related.Count) * 1024L
        + 4096;
}
