namespace NewsPortal.Web.Features.Comments;

/// <summary>Who is looking at a comment section, and how: their held comments, the page and order, the form.</summary>
/// <param name="Shared">
/// Rendered once for every anonymous visitor: the form carries placeholders for the token and stamp, filled per request.
/// </param>
public sealed record CommentViewer(
    IReadOnlySet<int> OwnHeldIds,
    int Page,
    CommentSort Sort,
    bool Shared,
    CommentForm? PostedForm = null,
    int? ReplyTo = null,
    string? AntiforgeryToken = null,
    IReadOnlySet<int>? EditableIds = null);

/// <summary>The article a comment section belongs to, as the comments slice needs it.</summary>
/// <param name="Approved">The article's approved comments, oldest first (shared, from the reader cache).</param>
public sealed record CommentedArticle(int Id, string Slug, DateTime PublishedAt, bool CommentsOpenSetting, IReadOnlyList<CommentRow> Approved);

/// <summary>Builds comment sections: threads, order, pages, the viewer's own held comments and the form.</summary>
public sealed class CommentSectionService(CommentThreadService threads, CommentRulesSource rules, FormStamp stamp, SiteClock clock)
{
    public const string SortCookie = "np_csort";

    private readonly CommentRulesSource _rules = rules;

    public async Task<CommentSectionViewModel> BuildAsync(CommentedArticle article, CommentViewer viewer, CancellationToken cancellationToken)
    {
        var rules = await _rules.GetAsync(cancellationToken);
        var held = await threads.GetOwnHeldAsync(article.Id, viewer.OwnHeldIds, cancellationToken);
        var roots = Order(CommentThreadService.Build(article.Approved, held).Roots, viewer.Sort);
        var editable = viewer.EditableIds ?? new HashSet<int>();
        if (editable.Count > 0)
        {
            MarkEditable(roots, editable);
        }

        var pageCount = Math.Max(1, (roots.Count + rules.ThreadsPerPage - 1) / rules.ThreadsPerPage);
        var page = Math.Clamp(viewer.Page, 1, pageCount);

        var form = viewer.PostedForm ?? new CommentForm { ParentId = viewer.ReplyTo };
        if (viewer.Shared)
        {
            form.Stamp = CommentSectionViewModel.StampPlaceholder;
        }
        else if ((await stamp.CheckAsync(form.Stamp, article.Id, FormStamp.CommentForm)).Verdict != StampVerdict.Valid)
        {
            form.Stamp = await stamp.IssueAsync(article.Id, FormStamp.CommentForm);
        }

        var replyToName = form.ParentId is { } parentId ? article.Approved.FirstOrDefault(c => c.Id == parentId)?.AuthorName : null;
        if (replyToName is null)
        {
            form.ParentId = null;
        }

        return new CommentSectionViewModel
        {
            ArticleId = article.Id,
            ArticleSlug = article.Slug,
            ApprovedCount = article.Approved.Count,
            Roots = roots.Skip((page - 1) * rules.ThreadsPerPage).Take(rules.ThreadsPerPage).ToList(),
            Page = page,
            PageCount = pageCount,
            Sort = viewer.Sort,
            CommentsOpen = CommentRulesSource.IsOpen(article.CommentsOpenSetting, article.PublishedAt, clock.UtcNow, rules),
            Form = form,
            AntiforgeryToken = viewer.AntiforgeryToken ?? CommentSectionViewModel.TokenPlaceholder,
            ReplyToName = replyToName,
            Cacheable = held.Count == 0 && editable.Count == 0,
        };
    }

    private static void MarkEditable(IEnumerable<CommentViewModel> comments, IReadOnlySet<int> editable)
    {
        foreach (var comment in comments)
        {
            comment.CanEdit = editable.Contains(comment.Id);
            MarkEditable(comment.Replies, editable);
        }
    }

    /// <summary>
    /// The comment page that holds <paramref name="commentId"/> for this viewer (their own held comments count),
    /// or null when they cannot see it.
    /// </summary>
    public async Task<int?> PageOfAsync(
        int articleId, IReadOnlyList<CommentRow> approved, IReadOnlySet<int> ownHeldIds, int commentId, CommentSort sort, CancellationToken cancellationToken)
    {
        var rules = await _rules.GetAsync(cancellationToken);
        var held = await threads.GetOwnHeldAsync(articleId, ownHeldIds, cancellationToken);
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
