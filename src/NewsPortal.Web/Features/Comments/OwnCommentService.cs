using NewsPortal.Web.Features.Notifications;

namespace NewsPortal.Web.Features.Comments;

public enum OwnEditOutcome
{
    NotFound,

    /// <summary>Not this browser's comment, or its edit window has closed.</summary>
    NotYours,

    Invalid,
    Saved,

    /// <summary>Saved, and the rules now hold it for a moderator.</summary>
    SavedAndHeld,
    Deleted,

    /// <summary>Someone (a moderator) changed it meanwhile; nothing was saved.</summary>
    Conflict,
}

/// <summary>An author's own comment, as the edit page shows it.</summary>
public sealed record OwnComment(int Id, int ArticleId, string ArticleSlug, string ArticleHeadline, string BodyHtml, CommentStatus Status, int Version);

/// <summary>
/// An author fixing their own words: edit or delete a comment from the browser that posted it, within
/// <see cref="CommentOptions.EditWindowMinutes"/> of posting (the controller checks the cookie; the service the time
/// again, from the stored post time). An edit is judged as a new comment with the new text would be: the content
/// rules (blocklists, links, keywords, always-hold addresses) and, while pre-moderation is on, pre-moderation too,
/// because what a moderator approved was the old text. So a published comment whose edit the rules would not publish
/// at once is taken off the site until a moderator decides, and moderators are told as of any held comment. The
/// previous text stays in the history for moderators.
/// </summary>
public sealed class OwnCommentService(NewsDbContext db, SiteClock clock, CommentSanitizer sanitizer, CommentRulesSource rules, SqliteWriteGate gate)
{
    /// <summary>Who the history names for an author's own change.</summary>
    public const string AuthorActor = "The author (same browser)";

    private readonly CommentRulesSource _rules = rules;

    /// <summary>The comment, when it is on that article, still up (not binned or rejected) and inside its window.</summary>
    public async Task<(OwnEditOutcome Outcome, OwnComment? Comment)> FindAsync(string slug, int id, CancellationToken cancellationToken)
    {
        var rules = await _rules.GetAsync(cancellationToken);
        var row = await db.Comments.AsNoTracking()
            .Where(c => c.Id == id && c.Article.Slug == slug && !c.IsStaffReply
                && (c.Status == CommentStatus.Approved || c.Status == CommentStatus.Pending || c.Status == CommentStatus.Spam))
            .Select(c => new { Comment = new OwnComment(c.Id, c.ArticleId, c.Article.Slug, c.Article.Headline, c.BodyHtml, c.Status, c.Version), c.CreatedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return (OwnEditOutcome.NotFound, null);
        }

        return clock.UtcNow - row.CreatedAt < TimeSpan.FromMinutes(rules.EditWindowMinutes)
            ? (OwnEditOutcome.Saved, row.Comment)
            : (OwnEditOutcome.NotYours, null);
    }

    public async Task<OwnEditOutcome> EditAsync(string slug, int id, OwnCommentForm form, CancellationToken cancellationToken)
    {
        var (found, _) = await FindAsync(slug, id, cancellationToken);
        if (found != OwnEditOutcome.Saved)
        {
            return found;
        }

        var body = CommentText.CleanBody(form.Body);
        if (body.Length == 0)
        {
            return OwnEditOutcome.Invalid;
        }

        var comment = await db.Comments.SingleAsync(c => c.Id == id, cancellationToken);
        if (comment.Version != form.Version)
        {
            return OwnEditOutcome.Conflict;
        }

        var bodyHtml = sanitizer.Sanitize(body);
        if (bodyHtml == comment.BodyHtml)
        {
            return OwnEditOutcome.Saved;
        }

        var rules = await _rules.GetAsync(cancellationToken);

        // This comment's own approval does not count: it was given to the old text.
        var verdict = CommentRules.Evaluate(
            new CommentSubmission(comment.AuthorName, comment.AuthorEmail, CommentSanitizer.ToPlainText(bodyHtml), CommentSanitizer.CountLinks(bodyHtml), comment.IpAddress,
                await _rules.ErasedKeyAsync(rules, comment.AuthorEmail)),
            rules,
            rules.AutoApprovePreviouslyApproved
                && await db.Comments.AnyAsync(c => c.AuthorEmail == comment.AuthorEmail && c.Status == CommentStatus.Approved && c.Id != id, cancellationToken));

        var now = clock.UtcNow;
        var from = comment.Status;
        var to = from == CommentStatus.Approved && verdict.Status != CommentStatus.Approved ? verdict.Status : from;
        db.CommentHistory.Add(CommentHistory.Of(
            id, now, AuthorActor, from, to, to != from ? $"Edited by its author and held: {verdict.Reason}" : "Edited by its author", comment.BodyHtml));
        comment.BodyHtml = bodyHtml;
        comment.EditedAt = now;
        comment.DedupeKey = null;
        comment.Version++;
        if (to != from)
        {
            comment.Status = to;
            comment.StatusReason = FieldLengths.Clip($"Edited by its author: {verdict.Reason}", FieldLengths.StatusReason);
            if (to == CommentStatus.Pending)
            {
                CommentMail.HeldForModeration(db, comment, now);
            }
        }

        return await SaveAsync(cancellationToken) ? (to != from ? OwnEditOutcome.SavedAndHeld : OwnEditOutcome.Saved) : OwnEditOutcome.Conflict;
    }

    /// <summary>Moves the comment to the bin (moderators can still see it, with its history).</summary>
    public async Task<OwnEditOutcome> DeleteAsync(string slug, int id, int version, CancellationToken cancellationToken)
    {
        var (found, _) = await FindAsync(slug, id, cancellationToken);
        if (found != OwnEditOutcome.Saved)
        {
            return found;
        }

        var comment = await db.Comments.SingleAsync(c => c.Id == id, cancellationToken);
        if (comment.Version != version)
        {
            return OwnEditOutcome.Conflict;
        }

        db.CommentHistory.Add(CommentHistory.Of(id, clock.UtcNow, AuthorActor, comment.Status, CommentStatus.Trash, "Deleted by its author"));
        comment.Status = CommentStatus.Trash;
        comment.StatusReason = "Deleted by its author.";
        comment.ReportPriority = null;
        comment.ReportedAt = null;
        comment.Version++;
        return await SaveAsync(cancellationToken) ? OwnEditOutcome.Deleted : OwnEditOutcome.Conflict;
    }

    private async Task<bool> SaveAsync(CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(cancellationToken))
        {
            return await db.SaveUnlessChangedAsync(cancellationToken);
        }
    }
}
