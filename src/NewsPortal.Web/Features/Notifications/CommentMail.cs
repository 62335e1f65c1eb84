namespace NewsPortal.Web.Features.Notifications;

/// <summary>
/// What the comment write paths call before they save, so the mail a change causes is committed with it: a trigger
/// row for the dispatcher, and a reply subscription when the commenter asked for one.
/// </summary>
public static class CommentMail
{
    /// <summary>A reader's comment is about to be stored.</summary>
    public static void Posted(NewsDbContext db, Comment comment, bool notifyReplies, DateTime now)
    {
        switch (comment.Status)
        {
            case CommentStatus.Pending:
                HeldForModeration(db, comment, now);
                break;
            case CommentStatus.Approved:
                db.MailTriggers.Add(new MailTrigger { Kind = MailTriggerKind.Published, Comment = comment, CreatedAt = now });
                break;
        }

        // Spam gets no subscription: a bot's address is nobody's to write to.
        if (notifyReplies && comment.Status is CommentStatus.Pending or CommentStatus.Approved)
        {
            db.ReplySubscriptions.Add(new ReplySubscription { Email = comment.AuthorEmail, Comment = comment, CreatedAt = now });
        }
    }

    /// <summary>
    /// A comment is about to become Pending: posted and held, or taken off the site again (by readers' reports, by
    /// its author's edit, by a moderator's restore). Every such path calls this, so moderators who asked for every
    /// held comment hear of each one; digests find it by its history. A reply notice waiting for the comment is not
    /// lost: the dispatcher keeps it until a moderator's decision publishes the comment again (or takes it down).
    /// </summary>
    public static void HeldForModeration(NewsDbContext db, Comment comment, DateTime now) =>
        db.MailTriggers.Add(new MailTrigger { Kind = MailTriggerKind.Held, Comment = comment, CreatedAt = now });

    /// <summary>A member of staff is about to change a comment's status (or publish a reply of their own).</summary>
    public static void StatusChanging(NewsDbContext db, Comment comment, CommentStatus from, CommentStatus to, DateTime now)
    {
        if (to == CommentStatus.Pending && from != CommentStatus.Pending)
        {
            HeldForModeration(db, comment, now);
        }

        if (to == CommentStatus.Approved && from != CommentStatus.Approved)
        {
            db.MailTriggers.Add(new MailTrigger
            {
                Kind = from == CommentStatus.Pending ? MailTriggerKind.Approved : MailTriggerKind.Published,
                Comment = comment,
                CreatedAt = now,
            });
        }
    }
}
