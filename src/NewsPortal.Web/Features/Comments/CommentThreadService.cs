using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Comments;

public sealed class CommentThreadService
{
    private readonly NewsDbContext _db;

    public CommentThreadService(NewsDbContext db) => _db = db;

    /// <summary>
    /// Approved comments of an article, threaded and oldest first, plus the viewer's own held comments
    /// (known from their signed cookie) marked as awaiting moderation.
    /// </summary>
    public async Task<CommentThreadViewModel> GetThreadAsync(
        int articleId, IReadOnlySet<int> ownHeldCommentIds, CancellationToken cancellationToken)
    {
        var held = ownHeldCommentIds.Count == 0 ? [] : ownHeldCommentIds.ToList();
        var rows = await _db.Comments.AsNoTracking()
            .Where(c => c.ArticleId == articleId
                        && (c.Status == CommentStatus.Approved
                            || (c.Status == CommentStatus.Pending && held.Contains(c.Id))))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CommentViewModel
            {
                Id = c.Id,
                ParentId = c.ParentId,
                AuthorName = c.AuthorName,
                BodyHtml = c.BodyHtml,
                CreatedAt = c.CreatedAt,
                IsStaffReply = c.IsStaffReply,
                IsAwaitingModeration = c.Status == CommentStatus.Pending,
            })
            .ToListAsync(cancellationToken);

        return new CommentThreadViewModel
        {
            ApprovedCount = rows.Count(c => !c.IsAwaitingModeration),
            Roots = Thread(rows),
        };
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
