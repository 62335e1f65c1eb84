using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Comments;
using NewsPortal.Web.Features.Shared;
using NewsPortal.Web.Infrastructure.Sanitizing;
using NewsPortal.Web.Infrastructure.Site;

namespace NewsPortal.Web.Features.AdminComments;

/// <summary>
/// The moderation queue and every change to a comment from the admin area. Each change is checked against
/// the version the moderator saw and saved with the version as a concurrency token, so of two moderators
/// acting on one comment exactly one change wins, and a repeated click changes nothing.
/// </summary>
public sealed class ModerationService
{
    private const int LatestOnDashboard = 10;

    private static readonly Expression<Func<Comment, QueueItem>> ToItem = c => new QueueItem
    {
        Id = c.Id,
        Version = c.Version,
        AuthorName = c.AuthorName,
        AuthorEmail = c.AuthorEmail,
        IpAddress = c.IpAddress,
        BodyHtml = c.BodyHtml,
        Status = c.Status,
        StatusReason = c.StatusReason,
        CreatedAt = c.CreatedAt,
        ArticleId = c.ArticleId,
        ArticleSlug = c.Article.Slug,
        ArticleHeadline = c.Article.Headline,
        IsStaffReply = c.IsStaffReply,
        ParentId = c.ParentId,
    };

    private readonly NewsDbContext _db;
    private readonly SiteClock _clock;
    private readonly CommentSanitizer _sanitizer;

    public ModerationService(NewsDbContext db, SiteClock clock, CommentSanitizer sanitizer)
    {
        _db = db;
        _clock = clock;
        _sanitizer = sanitizer;
    }

    public async Task<IReadOnlyDictionary<CommentStatus, int>> CountsAsync(CancellationToken cancellationToken)
    {
        var counts = await _db.Comments.AsNoTracking()
            .GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return Enum.GetValues<CommentStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Status == s)?.Count ?? 0);
    }

    public async Task<DashboardViewModel> DashboardAsync(CancellationToken cancellationToken)
    {
        var counts = await CountsAsync(cancellationToken);
        var oldest = await _db.Comments.AsNoTracking()
            .Where(c => c.Status == CommentStatus.Pending)
            .OrderBy(c => c.CreatedAt)
            .Select(c => (DateTime?)c.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        var latest = await _db.Comments.AsNoTracking()
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Take(LatestOnDashboard)
            .Select(ToItem)
            .ToListAsync(cancellationToken);
        return new DashboardViewModel { Counts = counts, OldestPendingAt = oldest, Latest = latest };
    }

    public async Task<QueueViewModel> QueueAsync(QueueQuery query, CancellationToken cancellationToken)
    {
        var comments = _db.Comments.AsNoTracking().Where(c => c.Status == query.Status);
        if (query.ArticleId is { } articleId)
        {
            comments = comments.Where(c => c.ArticleId == articleId);
        }

        if (query.Search is { } search)
        {
            // The text through the comment index (words, phrases, prefixes: the reader search's syntax); who wrote
            // it by the start of their name, e-mail address or IP address ("10.0.3." finds a network).
            var start = $"{Search.SearchService.EscapeLike(search)}%";
            var text = Search.SearchQuery.Parse(search);
            if (text.IsEmpty)
            {
                comments = comments.Where(c =>
                    EF.Functions.Like(c.AuthorName, start, "\\")
                    || EF.Functions.Like(c.AuthorEmail, start, "\\")
                    || EF.Functions.Like(c.IpAddress!, start, "\\"));
            }
            else
            {
                var matches = Search.IndexedSearch.MatchingComments(_db, text);
                comments = comments.Where(c =>
                    matches.Contains(c.Id)
                    || EF.Functions.Like(c.AuthorName, start, "\\")
                    || EF.Functions.Like(c.AuthorEmail, start, "\\")
                    || EF.Functions.Like(c.IpAddress!, start, "\\"));
            }
        }

        var ordered = query.OldestFirst
            ? comments.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            : comments.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);

        var items = await ordered.Select(ToItem).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        var headline = query.ArticleId is { } id
            ? await _db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => a.Headline).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new QueueViewModel { Query = query, Counts = await CountsAsync(cancellationToken), Items = items, ArticleHeadline = headline };
    }

    public async Task<CommentDetailViewModel?> DetailAsync(int id, CancellationToken cancellationToken)
    {
        var item = await _db.Comments.AsNoTracking().Where(c => c.Id == id).Select(ToItem).SingleOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            return null;
        }

        var history = await _db.CommentHistory.AsNoTracking()
            .Where(h => h.CommentId == id)
            .OrderByDescending(h => h.ChangedAt).ThenByDescending(h => h.Id)
            .Select(h => new HistoryEntry(h.ChangedAt, h.ChangedBy, h.FromStatus, h.ToStatus, h.Note))
            .ToListAsync(cancellationToken);
        return new CommentDetailViewModel
        {
            Comment = item,
            History = history,
            Edit = new CommentEditForm { Body = CommentSanitizer.ToEditableText(item.BodyHtml), Version = item.Version },
        };
    }

    /// <summary>
    /// Applies one action to one comment. <paramref name="seenVersion"/> is the version on the moderator's screen;
    /// when it is stale the change is refused as already handled.
    /// </summary>
    public async Task<ModerationResult> ApplyAsync(
        int id, ModerationAction action, int? seenVersion, string staff, CancellationToken cancellationToken)
    {
        var comment = await _db.Comments.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (comment is null)
        {
            return new(ModerationOutcome.NotFound);
        }

        if (seenVersion is { } seen && seen != comment.Version)
        {
            return new(ModerationOutcome.AlreadyHandled, comment.Status, comment.Status);
        }

        var target = ModerationActions.Target(action, await RestoreTargetAsync(comment, cancellationToken));
        if (target == comment.Status || (action == ModerationAction.Restore && comment.Status is CommentStatus.Pending or CommentStatus.Approved))
        {
            return new(ModerationOutcome.AlreadyHandled, comment.Status, comment.Status);
        }

        var from = comment.Status;
        Record(comment, target, staff, note: null);
        return await SaveAsync(cancellationToken) ? new(ModerationOutcome.Changed, from, target) : new(ModerationOutcome.AlreadyHandled, from, from);
    }

    /// <returns>How many comments changed; the rest were already in that state or changed by someone else.</returns>
    public async Task<int> ApplyBulkAsync(
        IReadOnlyCollection<int> ids, ModerationAction action, string staff, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var id in ids.Distinct().Take(QueueQuery.MaxPageSize))
        {
            // One at a time, each with its own concurrency check, so one conflict does not undo the others.
            var result = await ApplyAsync(id, action, seenVersion: null, staff, cancellationToken);
            if (result.Outcome == ModerationOutcome.Changed)
            {
                changed++;
            }

            _db.ChangeTracker.Clear();
        }

        return changed;
    }

    public async Task<ModerationOutcome> EditAsync(int id, CommentEditForm form, string staff, CancellationToken cancellationToken)
    {
        var comment = await _db.Comments.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (comment is null)
        {
            return ModerationOutcome.NotFound;
        }

        if (form.Version != comment.Version)
        {
            return ModerationOutcome.AlreadyHandled;
        }

        comment.BodyHtml = _sanitizer.Sanitize(CommentText.CleanBody(form.Body));
        Record(comment, comment.Status, staff, "Edited the text");
        return await SaveAsync(cancellationToken) ? ModerationOutcome.Changed : ModerationOutcome.AlreadyHandled;
    }

    /// <summary>A reply from staff: published at once and badged as staff.</summary>
    public async Task<int?> ReplyAsync(int parentId, StaffReplyForm form, string staffEmail, string staffName, CancellationToken cancellationToken)
    {
        var parent = await _db.Comments.AsNoTracking()
            .Where(c => c.Id == parentId)
            .Select(c => new { c.Id, c.ArticleId })
            .SingleOrDefaultAsync(cancellationToken);
        if (parent is null)
        {
            return null;
        }

        var reply = new Comment
        {
            ArticleId = parent.ArticleId,
            ParentId = parent.Id,
            AuthorName = staffName,
            AuthorEmail = staffEmail,
            BodyHtml = _sanitizer.Sanitize(CommentText.CleanBody(form.Body)),
            Status = CommentStatus.Approved,
            StatusReason = "Staff reply",
            CreatedAt = _clock.UtcNow,
            IsStaffReply = true,
        };
        _db.Comments.Add(reply);
        _db.CommentHistory.Add(new CommentHistory
        {
            Comment = reply, ChangedAt = _clock.UtcNow, ChangedBy = staffEmail,
            FromStatus = CommentStatus.Approved, ToStatus = CommentStatus.Approved, Note = "Replied as staff",
        });
        await _db.SaveChangesAsync(cancellationToken);
        return reply.Id;
    }

    private void Record(Comment comment, CommentStatus to, string staff, string? note)
    {
        _db.CommentHistory.Add(new CommentHistory
        {
            CommentId = comment.Id,
            ChangedAt = _clock.UtcNow,
            ChangedBy = staff,
            FromStatus = comment.Status,
            ToStatus = to,
            Note = note,
        });
        comment.Status = to;
        comment.Version++;
    }

    /// <summary>
    /// Saves; false when another moderator changed the comment after it was loaded. What readers see is
    /// refreshed by the save itself (the reader cache's interceptor), so the change shows on the very next request.
    /// </summary>
    private async Task<bool> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            _db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Where Restore returns a comment: the status it had before it was binned, spammed or rejected.</summary>
    private async Task<CommentStatus> RestoreTargetAsync(Comment comment, CancellationToken cancellationToken)
    {
        var before = await _db.CommentHistory.AsNoTracking()
            .Where(h => h.CommentId == comment.Id && h.ToStatus == comment.Status && h.FromStatus != comment.Status)
            .OrderByDescending(h => h.ChangedAt).ThenByDescending(h => h.Id)
            .Select(h => (CommentStatus?)h.FromStatus)
            .FirstOrDefaultAsync(cancellationToken);
        return before is { } status && status is not (CommentStatus.Trash or CommentStatus.Spam or CommentStatus.Rejected)
            ? status
            : CommentStatus.Pending;
    }
}
