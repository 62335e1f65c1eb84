namespace NewsPortal.Web.Features.Notifications;

/// <summary>
/// Confirmation links to addresses that asked for reply notices and were never asked to confirm, or asked again a day
/// after an unanswered link. An address is claimed in the transaction that adds its message (a fresh one by its
/// insert, a repeated one by a conditional update), so two instances ask it once.
/// </summary>
public sealed class AddressConfirmations(NotificationWork work)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var db = work.Db;
        var now = work.Now;
        var resendBefore = now.AddDays(-1);
        var fresh = await db.ReplySubscriptions.AsNoTracking()
            .Where(s => !db.SubscriberAddresses.Any(a => a.Email == s.Email))
            .Select(s => s.Email).Distinct().OrderBy(e => e).Take(100).ToListAsync(cancellationToken);
        var again = await db.SubscriberAddresses.AsNoTracking()
            .Where(a => a.ConfirmedAt == null && a.ConfirmationSentAt < resendBefore
                        && db.ReplySubscriptions.Any(s => s.Email == a.Email && s.CreatedAt > a.ConfirmationSentAt))
            .OrderBy(a => a.Email).Take(100).ToListAsync(cancellationToken);
        fresh.RemoveAll(email => again.Any(a => a.Email == email));
        if (fresh.Count == 0 && again.Count == 0)
        {
            return;
        }

        // Made before the transaction: the first link of a process may write the signing key, on a connection of its own.
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var email in fresh.Concat(again.Select(a => a.Email)))
        {
            links[email] = await work.Links.ConfirmAddressAsync(email, work.Options.ConfirmLinkDays);
        }

        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var asked = new List<string>(fresh);
                foreach (var address in again)
                {
                    // Claims the address: of two instances asking it again, only the first finds it as both read it.
                    var claimed = await db.SubscriberAddresses
                        .Where(a => a.Email == address.Email && a.ConfirmedAt == null && a.ConfirmationSentAt == address.ConfirmationSentAt)
                        .ExecuteUpdateAsync(set => set.SetProperty(a => a.ConfirmationSentAt, now), cancellationToken);
                    if (claimed == 1)
                    {
                        asked.Add(address.Email);
                    }
                }

                // A fresh address is claimed by its insert: the other instance's fails the primary key.
                foreach (var email in fresh)
                {
                    db.SubscriberAddresses.Add(new SubscriberAddress { Email = email, ConfirmationSentAt = now });
                }

                foreach (var email in asked)
                {
                    work.Outbox.Add(db, new OutboxMail(MailKinds.ConfirmSubscription, email, null, "Please confirm: e-mail me when someone replies",
                        new MailBody()
                            .Paragraph("Someone (we hope you) asked to be told by e-mail when someone replies to their comment, giving this address.")
                            .Link("Yes, send me reply notices", links[email])
                            .Paragraph($"The link works for {work.Options.ConfirmLinkDays} days. If it was not you, ignore this message: without your confirmation nothing more is sent.")));
                }

                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
        }
        catch (DbUpdateException ex)
        {
            work.Forget("confirmations", ex);
        }
    }
}
