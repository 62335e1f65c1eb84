namespace NewsPortal.Web.Features.Notifications;

/// <summary>
/// Hourly and daily digests of the comments held since each person's last one. Moving their digest mark (a concurrency
/// token) and adding the message are one save, so of two instances only one sends it.
/// </summary>
public sealed class ModeratorDigests(NotificationWork work)
{
    /// <summary>The most comments one digest lists; it says how many more are waiting.</summary>
    private const int DigestLimit = 200;


    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var db = work.Db;
        foreach (var (choice, period, word) in new[]
                 {
                     (HeldCommentMail.HourlyDigest, TimeSpan.FromHours(1), "hour"),
                     (HeldCommentMail.DailyDigest, TimeSpan.FromDays(1), "day"),
                 })
        {
            var due = work.Now - period;
            var staff = await HeldComments.StaffRecipients(db, choice, due).ToListAsync(cancellationToken);
            foreach (var member in staff)
            {
                var now = work.Now;
                var from = member.DigestFrom;
                var held = await HeldComments.Held(HeldComments.HeldBetween(db, from, now)).Take(DigestLimit).ToListAsync(cancellationToken);
                var total = held.Count < DigestLimit ? held.Count : await HeldComments.HeldBetween(db, from, now).CountAsync(cancellationToken);
                var preference = await db.StaffMailPreferences.SingleAsync(p => p.StaffUserId == member.Id, cancellationToken);
                preference.DigestFrom = now;
                preference.Version++;
                if (held.Count > 0)
                {
                    var body = new MailBody().Paragraph(total == 1
                        ? $"1 comment was held for moderation in the last {word}."
                        : $"{total} comments were held for moderation in the last {word}.");
                    if (total > held.Count)
                    {
                        body.Paragraph($"The first {held.Count} of {total} are below; the rest are in the moderation queue.");
                    }

                    foreach (var comment in held)
                    {
                        body.Separator();
                        await HeldComments.DescribeAsync(work, body, comment, member.Id);
                    }

                    work.Outbox.Add(db, new OutboxMail(MailKinds.ModeratorDigest, member.Email, member.Name,
                        total == 1 ? "1 comment is waiting for moderation" : $"{total} comments are waiting for moderation",
                        body, await work.Links.UnsubscribeStaffAsync(member.Id))
                    { QuotedComments = held.ConvertAll(c => c.Id) });
                }

                await work.SaveOrLoseRaceAsync("digest", cancellationToken);
            }
        }
    }
}
