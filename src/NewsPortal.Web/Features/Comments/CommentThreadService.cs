namespace NewsPortal.Web.Features.Comments;

/// <summary>One shown comment as stored; shared through the cache, so immutable.</summary>
/// <param name="EditedAt">UTC time its author last edited it, if they did.</param>
[ImmutableObject(true)]
public sealed record CommentRow(int Id, int? ParentId, string AuthorName, string BodyHtml, DateTime CreatedAt, bool IsStaffReply, DateTime? EditedAt = null);

/// <summary>Top-level comments, oldest first, each with its replies.</summary>
public sealed record CommentThread(IReadOnlyList<CommentViewModel> Roots);

public sealed class CommentThreadService(Lazy<NewsDbContext> db)
{
    // Lazy: the article page most readers get never asks for held comments, and should not rent a context for them.
    private readonly Lazy<NewsDbContext> _db = db;

    /// <summary>Approved comments of an article, oldest first: what every reader sees.</summary>
    public static Task<List<CommentRow>> GetApprovedAsync(NewsDbContext db, int articleId, CancellationToken cancellationToken) =>
        db.Comments.AsNoTracking()
            .Where(c => c.ArticleId == articleId && c.Status == CommentStatus.Approved)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CommentRow(c.Id, c.ParentId, c.AuthorName, c.BodyHtml, c.CreatedAt, c.IsStaffReply, c.EditedAt))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The viewer's own held comments on this article (known from their signed cookie); never cached. Spam counts as
    /// held here: its author is answered exactly as if it were held, so a spammer cannot tell the two apart.
    /// </summary>
    public async Task<List<CommentRow>> GetOwnHeldAsync(int articleId, IReadOnlySet<int> ownHeldCommentIds, CancellationToken cancellationToken)
    {
        if (ownHeldCommentIds.Count == 0)
        {
            return [];
        }

        var ids = ownHeldCommentIds.ToList();
        return await _db.Value.Comments.AsNoTracking()
            .Where(c => c.ArticleId == articleId && (c.Status == CommentStatus.Pending || c.Status == CommentStatus.Spam) && ids.Contains(c.Id))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CommentRow(c.Id, c.ParentId, c.AuthorName, c.BodyHtml, c.CreatedAt, c.IsStaffReply, c.EditedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The thread one viewer sees: the shared approved comments plus their own held ones, oldest first, each reply
    /// under its parent. Fresh nodes every time, so the cached rows are never changed.
    /// </summary>
    public static CommentThread Build(IReadOnlyList<CommentRow> approved, IReadOnlyList<CommentRow> ownHeld)
    {
        var rows = ownHeld.Count == 0
            ? approved
            : approved.Concat(ownHeld).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToList();
        var heldIds = ownHeld.Select(c => c.Id).ToHashSet();
        var nodes = rows.Select(c => new CommentViewModel
        {
            Id = c.Id,
            ParentId = c.ParentId,
            AuthorName = c.AuthorName,
            BodyHtml = c.BodyHtml,
            CreatedAt = c.CreatedAt,
            IsStaffReply = c.IsStaffReply,
            EditedAt = c.EditedAt,
            IsAwaitingModeration = heldIds.Contains(c.Id),
        }).ToList();

        return new CommentThread(Thread(nodes));
    }

    /// <summary>
    /// Hangs each reply under its parent. A reply whose parent is not shown (not approved, or removed) is shown
    /// at the top level rather than lost.
    /// </summary>
    internal static List<CommentViewModel> Thread(IReadOnlyList<CommentViewModel> oldestFirst)
    {
        var byId = oldestFirst.ToDictionary(c => c.Id);
        var roots = new List<CommentViewModel>();
        foreach (var comment in oldestFirst)
        {
            if (comment.ParentId is { } parentId && byId.TryGetValue(parentId, out var parent) && parent.Id != comment.Id)
            {
                parent.Replies.Add(comment);
            }
            else
            {
                roots.Add(comment);
            }
        }

        return roots;
    }
}
