namespace NewsPortal.Web.Features.Notifications;

/// <summary>One alert per held comment to each member of staff who asked for one (<see cref="HeldCommentMail.EveryComment"/>).</summary>
public sealed class HeldCommentAlerts(NotificationWork work)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var db = work.Db;
        var triggers = await db.MailTriggers.Where(t => t.Kind == MailTriggerKind.Held).OrderBy(t => t.Id).Take(100).ToListAsync(cancellationToken);
        if (triggers.Count == 0)
        {
            return;
        }

        var ids = triggers.Select(t => t.CommentId).ToList();
        var comments = await HeldComments.Held(db.Comments.Where(c => ids.Contains(c.Id))).ToListAsync(cancellationToken);
        var staff = await HeldComments.StaffRecipients(db, HeldCommentMail.EveryComment, DateTime.MaxValue).ToListAsync(cancellationToken);
        foreach (var member in staff)
        {
            var unsubscribe = await work.Links.UnsubscribeStaffAsync(member.Id);
            foreach (var comment in comments)
            {
                var body = new MailBody().Paragraph("A comment is waiting for moderation.");
                await HeldComments.DescribeAsync(work, body, comment, member.Id);
                work.Outbox.Add(db, new OutboxMail(MailKinds.ModeratorHeld, member.Email, member.Name,
                    $"Comment held on “{comment.Headline}”", body, unsubscribe)
                { QuotedComments = [comment.Id] });
            }
        }

        db.MailTriggers.RemoveRange(triggers);
        await work.SaveOrLoseRaceAsync("held-comment alerts", cancellationToken);
    }
}
