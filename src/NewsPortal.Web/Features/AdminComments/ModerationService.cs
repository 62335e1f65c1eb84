using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Comments;
using NewsPortal.Web.Features.Notifications;
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

    internal static readonly Expression<Func<Comment, QueueItem>> ToItem = c => new QueueItem
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
    private readonly CommentCounts _counts;

    public ModerationService(NewsDbContext db, SiteClock clock, CommentSanitizer sanitizer, CommentCounts counts)
    {
        _db = db;
        _clock = clock;
        _sanitizer = sanitizer;
        _counts = counts;
    }

    public Task<StatusCounts> CountsAsync(CancellationToken cancellationToken) => _counts.GetAsync(_db, cancellationToken);

    public async Task<DashboardViewModel> DashboardAsync(CancellationToken cancellationToken)
    {
        var counts = await CountsAsync(cancellationToken);
        var oldest = await _db.Comments.AsNoTracking()
            .Where(c => c.Status == CommentStatus.Pending)
            .OrderBy(c => c.CreatedAt)
            .Select(c => (DateTime?)c.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        var latestIds = await _db.Comments.AsNoTracking()
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Select(c => c.Id)
            .Take(LatestOnDashboard)
            .ToListAsync(cancellationToken);
        return new DashboardViewModel { Counts = counts, OldestPendingAt = oldest, Latest = await ItemsAsync(latestIds, cancellationToken) };
    }

    /// <summary>
    /// One page of the queue in two steps: the page's ids, read from an index alone ((Status, CreatedAt), or
    /// (ArticleId, Status, CreatedAt) for one article, or the comment search index for a search, whose results come
    /// in order of arrival), then those rows with their articles. The total comes from <see cref="CommentCounts"/>
    /// for a whole status, is counted for one article (bounded by its comments), and is counted up to
    /// <see cref="Paging.SearchCountLimit"/> for a search, which could otherwise read every match. A page past the end
    /// shows the last page.
    /// </summary>
    public async Task<QueueViewModel> QueueAsync(QueueQuery query, CancellationToken cancellationToken)
    {
        var counts = await CountsAsync(cancellationToken);
        List<int> ids;
        int page;
        int total;
        TotalKind kind;
        if (query.Search is { } search)
        {
            // Through the comment index alone: the text (words, phrases, prefixes: the reader search's syntax), or who
            // wrote it by the start of their name, e-mail address or IP address ("10.0.3" finds a network).
            var text = Search.SearchQuery.Parse(search);
            var count = text.IsEmpty ? 0
                : await Search.IndexedSearch.QueueCountUpToAsync(_db, text, query.Status, query.ArticleId, Paging.SearchCountLimit, cancellationToken);
            (total, kind, page) = Paging.Bounded(count, query.Page, query.PageSize);
            ids = count == 0 ? [] : await Search.IndexedSearch.QueuePageAsync(
                _db, text, query.Status, query.ArticleId, query.OldestFirst, (page - 1) * query.PageSize, query.PageSize, cancellationToken);
        }
        else
        {
            var comments = _db.Comments.AsNoTracking().Where(c => c.Status == query.Status);
            if (query.ArticleId is { } articleId)
            {
                comments = comments.Where(c => c.ArticleId == articleId);
            }

            (total, kind) = query.ArticleId is not null ? (await comments.CountAsync(cancellationToken), TotalKind.Exact)
                : (counts[query.Status], counts.IsLive(query.Status) ? TotalKind.Exact : TotalKind.Recent);
            page = Paging.LastPageAtMost(query.Page, total, query.PageSize);
            var ordered = query.OldestFirst
                ? comments.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
                : comments.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);
            ids = await ordered.Select(c => c.Id).Skip((page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        }

        var headline = query.ArticleId is { } id
            ? await _db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => a.Headline).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new QueueViewModel
        {
            Query = query,
            Counts = counts,
            Items = new PagedList<QueueItem>(await ItemsAsync(ids, cancellationToken), page, query.PageSize, total) { TotalKind = kind },
            ArticleHeadline = headline,
        };
    }

    public Task<string?> AuthorEmailAsync(int id, CancellationToken cancellationToken) =>
        _db.Comments.AsNoTracking().Where(c => c.Id == id && !c.IsStaffReply).Select(c => c.AuthorEmail).SingleOrDefaultAsync(cancellationToken);

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
            .Select(h => new HistoryEntry(h.ChangedAt, h.ChangedBy, h.FromStatus, h.ToStatus, h.Note, h.PreviousBodyHtml))
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
            return new(ModerationOutcome.AlreadyHandled, comment.Status, comment.Status, ChangedBySomeoneElse: true);
        }

        var target = ModerationActions.Target(action, await RestoreTargetAsync(comment, cancellationToken));
        if (target == comment.Status || (action == ModerationAction.Restore && comment.Status is CommentStatus.Pending or CommentStatus.Approved))
        {
            return new(ModerationOutcome.AlreadyHandled, comment.Status, comment.Status);
        }

        var from = comment.Status;
        Record(comment, target, staff, note: null);
        if (!await SaveAsync(cancellationToken))
        {
            return new(ModerationOutcome.AlreadyHandled, from, from, ChangedBySomeoneElse: true);
        }

        _counts.Moved(from, target);
        Infrastructure.Telemetry.SiteMetrics.CommentDecided(from, target, _clock.UtcNow - comment.CreatedAt);
        return new(ModerationOutcome.Changed, from, target);
    }

    /// <summary>
    /// Applies one action to at most <see cref="QueueQuery.MaxPageSize"/> comments (a queue page), each checked against
    /// the version the moderator saw when <paramref name="seenVersions"/> has it, so a stale page never overrides a
    /// colleague's decision.
    /// </summary>
    public async Task<BulkModerationResult> ApplyBulkAsync(
        IReadOnlyCollection<int> ids, IReadOnlyDictionary<int, int> seenVersions, ModerationAction action, string staff, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct().ToList();
        int changed = 0, stale = 0, already = 0;
        foreach (var id in distinct.Take(QueueQuery.MaxPageSize))
        {
            // One at a time, each with its own concurrency check, so one conflict does not undo the others.
            var result = await ApplyAsync(id, action, seenVersions.TryGetValue(id, out var seen) ? seen : null, staff, cancellationToken);
            switch (result)
            {
                case { Outcome: ModerationOutcome.Changed }:
                    changed++;
                    break;
                case { ChangedBySomeoneElse: true }:
                    stale++;
                    break;
                default:
                    already++;
                    break;
            }

            _db.ChangeTracker.Clear();
        }

        return new(changed, stale, already, Math.Max(0, distinct.Count - QueueQuery.MaxPageSize));
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

        var previous = comment.BodyHtml;
        comment.BodyHtml = _sanitizer.Sanitize(CommentText.CleanBody(form.Body));

        // The comment no longer stands for the text its key was made from (see CommentService.DedupeKey).
        comment.DedupeKey = null;
        Record(comment, comment.Status, staff, "Edited the text", previous);
        return await SaveAsync(cancellationToken) ? ModerationOutcome.Changed : ModerationOutcome.AlreadyHandled;
    }

    /// <summary>
    /// A reply from staff: published at once and badged as staff. Only under a published comment: a reply to a held,
    /// spam, rejected or binned one would be shown to readers without the comment it answers.
    /// </summary>
    public async Task<(ModerationOutcome Outcome, int? ReplyId)> ReplyAsync(
        int parentId, StaffReplyForm form, string staffEmail, string staffName, CancellationToken cancellationToken)
    {
        var parent = await _db.Comments.AsNoTracking()
            .Where(c => c.Id == parentId)
            .Select(c => new { c.Id, c.ArticleId, c.Status })
            .SingleOrDefaultAsync(cancellationToken);
        if (parent is null)
        {
            return (ModerationOutcome.NotFound, null);
        }

        if (parent.Status != CommentStatus.Approved)
        {
            return (ModerationOutcome.ParentNotPublished, null);
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
        CommentMail.Posted(_db, reply, notifyReplies: false, _clock.UtcNow);
        _db.CommentHistory.Add(new CommentHistory
        {
            Comment = reply, ChangedAt = _clock.UtcNow, ChangedBy = staffEmail,
            FromStatus = CommentStatus.Approved, ToStatus = CommentStatus.Approved, Note = "Replied as staff",
        });
        await _db.SaveChangesAsync(cancellationToken);
        _counts.Moved(null, CommentStatus.Approved);
        return (ModerationOutcome.Changed, reply.Id);
    }

    private void Record(Comment comment, CommentStatus to, string staff, string? note, string? previousBodyHtml = null)
    {
        _db.CommentHistory.Add(new CommentHistory
        {
            CommentId = comment.Id,
            ChangedAt = _clock.UtcNow,
            ChangedBy = staff,
            FromStatus = comment.Status,
            ToStatus = to,
            Note = note,
            PreviousBodyHtml = previousBodyHtml,
        });
        CommentMail.StatusChanging(_db, comment, comment.Status, to, _clock.UtcNow);
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

    /// <summary>The rows of one page, in the order of <paramref name="ids"/>.</summary>
    private async Task<IReadOnlyList<QueueItem>> ItemsAsync(List<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await _db.Comments.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(ToItem).ToListAsync(cancellationToken);
        var position = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        return [.. rows.OrderBy(r => position[r.Id])];
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
