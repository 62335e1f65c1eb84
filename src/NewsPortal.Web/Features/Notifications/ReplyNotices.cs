namespace NewsPortal.Web.Features.Notifications;

/// <summary>
/// Reply notices to confirmed subscribers of a comment: one per reply, or one digest for several replies within
/// <see cref="NotificationOptions.ReplyGrouping"/>; and, when <see cref="NotificationOptions.TellAuthorWhenPublished"/>,
/// a word to the author of a held comment once it is published. Deleting the triggers and adding the messages are one
/// save.
/// </summary>
public sealed class ReplyNotices(NotificationWork work)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var db = work.Db;
        var now = work.Now;
        var due = now - work.Options.ReplyGrouping;
        var tellAuthors = work.Options.TellAuthorWhenPublished;
        // A comment held again meanwhile (readers' reports, its author's edit) keeps its trigger until a moderator
        // decides: published again, its reply notice goes out then; taken down, the trigger is dropped below.
        var triggers = await db.MailTriggers
            .Where(t => t.Kind != MailTriggerKind.Held && t.CreatedAt <= due && t.Comment.Status != CommentStatus.Pending)
            .OrderBy(t => t.Id).Take(200).ToListAsync(cancellationToken);
        if (triggers.Count == 0)
        {
            return;
        }

        var ids = triggers.Select(t => t.CommentId).Distinct().ToList();

        // A later trigger of the same comment (a moderator's approval after the first had waited) is settled by this
        // pass too: one reply, one notice.
        var taken = triggers.Select(t => t.Id).ToList();
        triggers.AddRange(await db.MailTriggers
            .Where(t => t.Kind != MailTriggerKind.Held && ids.Contains(t.CommentId) && !taken.Contains(t.Id))
            .ToListAsync(cancellationToken));
        var published = await db.Comments.AsNoTracking()
            .Where(c => ids.Contains(c.Id) && c.Status == CommentStatus.Approved)
            .Select(c => new
            {
                c.Id,
                c.ParentId,
                c.AuthorName,
                c.AuthorEmail,
                c.BodyHtml,
                c.IsStaffReply,
                c.Article.Slug,
                c.Article.Headline,
            })
            .ToListAsync(cancellationToken);
        var parents = published.Where(c => c.ParentId is not null).Select(c => c.ParentId!.Value).Distinct().ToList();
        var subscriptions = await db.ReplySubscriptions.AsNoTracking()
            .Where(s => parents.Contains(s.CommentId) && db.SubscriberAddresses.Any(a => a.Email == s.Email && a.ConfirmedAt != null))
            .Select(s => new { s.Id, s.Email, s.CommentId })
            .ToListAsync(cancellationToken);

        var notices = from reply in published
                      join subscription in subscriptions on reply.ParentId equals subscription.CommentId
                      where !string.Equals(reply.AuthorEmail, subscription.Email, StringComparison.OrdinalIgnoreCase)
                      select (reply, subscription);
        foreach (var group in notices.GroupBy(n => n.subscription.Email, StringComparer.OrdinalIgnoreCase))
        {
            var items = group.OrderBy(n => n.reply.Id).ToList();
            var body = new MailBody();
            string subject;
            if (items.Count == 1)
            {
                var reply = items[0].reply;
                subject = $"{reply.AuthorName} replied to your comment on “{reply.Headline}”";
                body.Paragraph($"{reply.AuthorName} replied to your comment on “{reply.Headline}”:");
            }
            else
            {
                subject = $"{items.Count} new replies to your comments";
                body.Paragraph($"There are {items.Count} new replies to your comments.");
            }

            foreach (var (reply, subscription) in items)
            {
                if (items.Count > 1)
                {
                    body.Separator().Field("On", reply.Headline).Field("From", reply.AuthorName);
                }

                body.Quote(NotificationWork.Clip(CommentSanitizer.ToPlainText(reply.BodyHtml)))
                    .Link("Read the reply", $"/news/{reply.Slug}#comment-{reply.Id}")
                    .Link("Stop notices for this conversation", await work.Links.UnsubscribeThreadAsync(subscription.Id));
            }

            var all = await work.Links.UnsubscribeAllAsync(group.Key);
            body.Link("Stop all reply notices to this address", all);
            work.Outbox.Add(db, new OutboxMail(MailKinds.ReplyNotice, group.Key, null, subject, body, all) { QuotedComments = items.ConvertAll(n => n.reply.Id) });
        }

        if (tellAuthors)
        {
            var approved = triggers.Where(t => t.Kind == MailTriggerKind.Approved).Select(t => t.CommentId).ToHashSet();
            foreach (var comment in published.Where(c => approved.Contains(c.Id) && !c.IsStaffReply))
            {
                work.Outbox.Add(db, new OutboxMail(MailKinds.CommentPublished, comment.AuthorEmail, comment.AuthorName,
                    $"Your comment on “{comment.Headline}” is published",
                    new MailBody().Paragraph("Thank you: your comment was checked and is now published.")
                        .Quote(NotificationWork.Clip(CommentSanitizer.ToPlainText(comment.BodyHtml)))
                        .Link("See it on the article", $"/news/{comment.Slug}#comment-{comment.Id}"),
                    await work.Links.UnsubscribeAllAsync(comment.AuthorEmail)));
            }
        }

        db.MailTriggers.RemoveRange(triggers);
        await work.SaveOrLoseRaceAsync("reply notices", cancellationToken);
    }
}
