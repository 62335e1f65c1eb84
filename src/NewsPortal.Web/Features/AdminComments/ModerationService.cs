using NewsPortal.Web.Features.Comments;
using NewsPortal.Web.Features.Notifications;

namespace NewsPortal.Web.Features.AdminComments;

/// <summary>
/// Every change to a comment from the admin area (what moderators read is <see cref="ModerationQueue"/>). Each change
/// is checked against the version the moderator saw and saved with the version as a concurrency token, so of two
/// moderators acting on one comment exactly one change wins, and a repeated click changes nothing.
/// </summary>
public sealed class ModerationService(NewsDbContext db, SiteClock clock, CommentSanitizer sanitizer, CommentCounts counts)
{
    /// <summary>
    /// Applies one action to one comment. <paramref name="seenVersion"/> is the version on the moderator's screen;
    /// when it is stale the change is refused as already handled.
    /// </summary>
    public async Task<ModerationResult> ApplyAsync(
        int id, ModerationAction action, int? seenVersion, string staff, CancellationToken cancellationToken)
    {
        var comment = await db.Comments.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
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

        counts.Moved(from, target);
        Infrastructure.Telemetry.SiteMetrics.CommentDecided(from, target, clock.UtcNow - comment.CreatedAt);
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

            db.ChangeTracker.Clear();
        }

        return new(changed, stale, already, Math.Max(0, distinct.Count - QueueQuery.MaxPageSize));
    }

    public async Task<ModerationOutcome> EditAsync(int id, CommentEditForm form, string staff, CancellationToken cancellationToken)
    {
        var comment = await db.Comments.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (comment is null)
        {
            return ModerationOutcome.NotFound;
        }

        if (form.Version != comment.Version)
        {
            return ModerationOutcome.AlreadyHandled;
        }

        var previous = comment.BodyHtml;
        comment.BodyHtml = sanitizer.Sanitize(CommentText.CleanBody(form.Body));

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
        var parent = await db.Comments.AsNoTracking()
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
            BodyHtml = sanitizer.Sanitize(CommentText.CleanBody(form.Body)),
            Status = CommentStatus.Approved,
            StatusReason = "Staff reply",
            CreatedAt = clock.UtcNow,
            IsStaffReply = true,
        };
        db.Comments.Add(reply);
        CommentMail.Posted(db, reply, notifyReplies: false, clock.UtcNow);
        db.CommentHistory.Add(new CommentHistory
        {
            Comment = reply,
            ChangedAt = clock.UtcNow,
            ChangedBy = staffEmail,
            FromStatus = CommentStatus.Approved,
            ToStatus = CommentStatus.Approved,
            Note = "Replied as staff",
        });
        await db.SaveChangesAsync(cancellationToken);
        counts.Moved(null, CommentStatus.Approved);
        return (ModerationOutcome.Changed, reply.Id);
    }

    private void Record(Comment comment, CommentStatus to, string staff, string? note, string? previousBodyHtml = null)
    {
        db.CommentHistory.Add(CommentHistory.Of(comment.Id, clock.UtcNow, staff, comment.Status, to, note, previousBodyHtml));
        CommentMail.StatusChanging(db, comment, comment.Status, to, clock.UtcNow);
        comment.Status = to;
        comment.Version++;
    }

    /// <summary>
    /// Saves; false when another moderator changed the comment after it was loaded. What readers see is
    /// refreshed by the save itself (the reader cache's interceptor), so the change shows on the very next request.
    /// </summary>
    private Task<bool> SaveAsync(CancellationToken cancellationToken) => db.SaveUnlessChangedAsync(cancellationToken);

    /// <summary>Where Restore returns a comment: the status it had before it was binned, spammed or rejected.</summary>
    private async Task<CommentStatus> RestoreTargetAsync(Comment comment, CancellationToken cancellationToken)
    {
        var before = await db.CommentHistory.AsNoTracking()
            .Where(h => h.CommentId == comment.Id && h.ToStatus == comment.Status && h.FromStatus != comment.Status)
            .OrderByDescending(h => h.ChangedAt).ThenByDescending(h => h.Id)
            .Select(h => (CommentStatus?)h.FromStatus)
            .FirstOrDefaultAsync(cancellationToken);
        return before is { } status && status is not (CommentStatus.Trash or CommentStatus.Spam or CommentStatus.Rejected)
            ? status
            : CommentStatus.Pending;
    }
}
