namespace NewsPortal.Web.Features.Notifications;

/// <summary>What the alert and the digests say about held comments, and whom they tell.</summary>
internal static class HeldComments
{
    internal sealed record StaffRecipient(string Id, string Email, string? Name, DateTime DigestFrom);

    internal sealed record HeldItem(int Id, string AuthorName, string BodyHtml, string? Reason, DateTime CreatedAt, string Slug, string Headline);

    /// <summary>Staff with the Moderator or Admin role whose account is enabled, with their choice.</summary>
    public static IQueryable<StaffRecipient> StaffRecipients(NewsDbContext db, HeldCommentMail choice, DateTime dueBy) =>
        from p in db.StaffMailPreferences
        where p.HeldComments == choice && p.DigestFrom <= dueBy
        join u in db.Users on p.StaffUserId equals u.Id
        where !u.IsDisabled && u.Email != null
              && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Admin || r.Name == Roles.Moderator)))
        select new StaffRecipient(u.Id, u.Email!, u.DisplayName, p.DigestFrom);

    public static IQueryable<HeldItem> Held(IQueryable<Comment> comments) =>
        comments.Where(c => c.Status == CommentStatus.Pending)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new HeldItem(c.Id, c.AuthorName, c.BodyHtml, c.StatusReason, c.CreatedAt, c.Article.Slug, c.Article.Headline));

    /// <summary>
    /// Comments still held that were held in [<paramref name="from"/>, <paramref name="to"/>): posted and held then, or
    /// taken off the site again then (readers' reports, an author's edit, a restore), which the history records.
    /// </summary>
    public static IQueryable<Comment> HeldBetween(NewsDbContext db, DateTime from, DateTime to) =>
        db.Comments.Where(c => c.Status == CommentStatus.Pending
            && ((c.CreatedAt >= from && c.CreatedAt < to)
                || db.CommentHistory.Any(h => h.CommentId == c.Id && h.ToStatus == CommentStatus.Pending && h.FromStatus != CommentStatus.Pending
                                              && h.ChangedAt >= from && h.ChangedAt < to)));

    /// <summary>The comment, why it is held, and signed links to decide it (the moderator confirms on the page).</summary>
    public static async Task DescribeAsync(NotificationWork work, MailBody body, HeldItem comment, string staffUserId)
    {
        var hours = work.Options.ModerationLinkHours;
        body.Field("Article", comment.Headline)
            .Field("Name", comment.AuthorName)
            .Field("Held because", comment.Reason ?? "Every new comment is checked first.")
            .Quote(NotificationWork.Clip(CommentSanitizer.ToPlainText(comment.BodyHtml)))
            .Link("Open it in the moderation queue", $"/admin/comments/{comment.Id}")
            .Link("Approve it (you confirm on the page)", await work.Links.ModerateAsync(comment.Id, "approve", staffUserId, hours))
            .Link("Mark it as spam (you confirm on the page)", await work.Links.ModerateAsync(comment.Id, "spam", staffUserId, hours));
    }
}
