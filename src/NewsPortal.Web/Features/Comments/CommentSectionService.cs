using NewsPortal.Web.Infrastructure.Site;

namespace NewsPortal.Web.Features.Comments;

/// <summary>What the article page asks for: one article's comment section as one viewer sees it.</summary>
/// <param name="Approved">The article's approved comments, oldest first (shared, from the reader cache).</param>
/// <param name="Shared">
/// Rendered once for every visitor: the form carries placeholders for the token and stamp, filled per request.
/// </param>
public sealed record CommentSectionRequest(
    int ArticleId,
    string Slug,
    DateTime PublishedAt,
    bool CommentsOpenSetting,
    IReadOnlyList<CommentRow> Approved,
    IReadOnlySet<int> OwnHeldIds,
    int Page,
    CommentSort Sort,
    bool Shared,
    CommentForm? PostedForm = null,
    int? ReplyTo = null,
    string? AntiforgeryToken = null);

/// <summary>Builds comment sections: threads, order, pages, the viewer's own held comments and the form.</summary>
public sealed class CommentSectionService
{
    public const string SortCookie = "np_csort";

    private readonly CommentThreadService _threads;
    private readonly CommentRulesSource _rules;
    private readonly FormStamp _stamp;
    private readonly SiteClock _clock;

    public CommentSectionService(CommentThreadService threads, CommentRulesSource rules, FormStamp stamp, SiteClock clock)
    {
        _threads = threads;
        _rules = rules;
        _stamp = stamp;
        _clock = clock;
    }

    public async Task<CommentSectionViewModel> BuildAsync(CommentSectionRequest request, CancellationToken cancellationToken)
    {
        var rules = await _rules.GetAsync(cancellationToken);
        var held = await _threads.GetOwnHeldAsync(request.ArticleId, request.OwnHeldIds, cancellationToken);
        var roots = Order(CommentThreadService.Build(request.Approved, held).Roots, request.Sort);
        var pageCount = Math.Max(1, (roots.Count + rules.ThreadsPerPage - 1) / rules.ThreadsPerPage);
        var page = Math.Clamp(request.Page, 1, pageCount);

        var form = request.PostedForm ?? new CommentForm { ParentId = request.ReplyTo };
        if (request.Shared)
        {
            form.Stamp = CommentSectionViewModel.StampPlaceholder;
        }
        else if ((await _stamp.CheckAsync(form.Stamp, request.ArticleId)).Verdict != StampVerdict.Valid)
        {
            form.Stamp = await _stamp.IssueAsync(request.ArticleId);
        }

        var replyToName = form.ParentId is { } parentId ? request.Approved.FirstOrDefault(c => c.Id == parentId)?.AuthorName : null;
        if (replyToName is null)
        {
            form.ParentId = null;
        }

        return new CommentSectionViewModel
        {
            ArticleId = request.ArticleId,
            ArticleSlug = request.Slug,
            ApprovedCount = request.Approved.Count,
            Roots = roots.Skip((page - 1) * rules.ThreadsPerPage).Take(rules.ThreadsPerPage).ToList(),
            Page = page,
            PageCount = pageCount,
            Sort = request.Sort,
            CommentsOpen = CommentRulesSource.IsOpen(request.CommentsOpenSetting, request.PublishedAt, _clock.UtcNow, rules),
            Form = form,
            AntiforgeryToken = request.AntiforgeryToken ?? CommentSectionViewModel.TokenPlaceholder,
            ReplyToName = replyToName,
            HasOwnHeldComments = held.Count > 0,
            Cacheable = held.Count == 0,
        };
    }

    /// <summary>
    /// The comment page that holds <paramref name="commentId"/> for this viewer (their own held comments count),
    /// or null when they cannot see it.
    /// </summary>
    public async Task<int?> PageOfAsync(
        int articleId, IReadOnlyList<CommentRow> approved, IReadOnlySet<int> ownHeldIds, int commentId, CommentSort sort, CancellationToken cancellationToken)
    {
        var rules = await _rules.GetAsync(cancellationToken);
        var held = await _threads.GetOwnHeldAsync(articleId, ownHeldIds, cancellationToken);
        var roots = Order(CommentThreadService.Build(approved, held).Roots, sort);
        var index = roots.FindIndex(root => Contains(root, commentId));
        return index < 0 ? null : (index / rules.ThreadsPerPage) + 1;
    }

    /// <summary>The order a reader asked for (<c>?csort=</c>), else the one they chose before (a cookie), else oldest first.</summary>
    public static CommentSort SortFrom(string? query, string? cookie) =>
        Parse(query) ?? Parse(cookie) ?? CommentSort.Oldest;

    public static CommentSort? Parse(string? value) => value?.ToLowerInvariant() switch
    {
        "newest" => CommentSort.Newest,
        "oldest" => CommentSort.Oldest,
        _ => null,
    };

    private static List<CommentViewModel> Order(IReadOnlyList<CommentViewModel> oldestFirst, CommentSort sort) =>
        sort == CommentSort.Newest ? oldestFirst.Reverse().ToList() : oldestFirst.ToList();

    private static bool Contains(CommentViewModel comment, int id) => comment.Id == id || comment.Replies.Any(r => Contains(r, id));
}
