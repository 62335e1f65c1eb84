using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Infrastructure.Database;
using NewsPortal.Web.Infrastructure.Identity;
using NewsPortal.Web.Infrastructure.Mail;
using NewsPortal.Web.Infrastructure.Sanitizing;

namespace NewsPortal.Web.Features.Notifications;

/// <summary>
/// Turns what happened to comments (<see cref="MailTrigger"/> rows, written with the change) into outbox messages:
/// an alert per held comment for staff who want one, digests for those who want hourly or daily ones, reply notices
/// (one per reply, or one digest for several within <see cref="NotificationOptions.ReplyGrouping"/>) to confirmed
/// subscribers, and confirmation links to addresses that asked for notices for the first time (or again, a day later).
/// Each step deletes the triggers, moves the digest mark or claims the address in the same save (or transaction) that
/// adds the messages; of two instances doing the same step, the second's save fails its concurrency or unique check,
/// or its claim finds the row already changed, and it adds nothing.
/// </summary>
public sealed partial class NotificationDispatcher
{
    private const int QuoteLength = 1_000;

    /// <summary>The most comments one digest lists; it says how many more are waiting.</summary>
    private const int DigestLimit = 200;

    private readonly NewsDbContext _db;
    private readonly Outbox _outbox;
    private readonly MailLinks _links;
    private readonly TimeProvider _time;
    private readonly NotificationOptions _options;
    private readonly ILogger<NotificationDispatcher> _logger;

    public NotificationDispatcher(
        NewsDbContext db, Outbox outbox, MailLinks links, TimeProvider time, IOptions<NotificationOptions> options, ILogger<NotificationDispatcher> logger)
    {
        _db = db;
        _outbox = outbox;
        _links = links;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await ConfirmationsAsync(cancellationToken);
        await HeldAlertsAsync(cancellationToken);
        await ReplyNoticesAsync(cancellationToken);
        await DigestsAsync(cancellationToken);
    }

    /// <summary>Staff with the Moderator or Admin role whose account is enabled, with their choice.</summary>
    internal IQueryable<StaffRecipient> StaffRecipients(HeldCommentMail choice, DateTime dueBy) =>
        from p in _db.StaffMailPreferences
        where p.HeldComments == choice && p.DigestFrom <= dueBy
        join u in _db.Users on p.StaffUserId equals u.Id
        where !u.IsDisabled && u.Email != null
              && _db.UserRoles.Any(ur => ur.UserId == u.Id && _db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Admin || r.Name == Roles.Moderator)))
        select new StaffRecipient(u.Id, u.Email!, u.DisplayName, p.DigestFrom);

    internal sealed record StaffRecipient(string Id, string Email, string? Name, DateTime DigestFrom);

    internal sealed record HeldItem(int Id, string AuthorName, string BodyHtml, string? Reason, DateTime CreatedAt, string Slug, string Headline);

    internal static IQueryable<HeldItem> Held(IQueryable<Comment> comments) =>
        comments.Where(c => c.Status == CommentStatus.Pending)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new HeldItem(c.Id, c.AuthorName, c.BodyHtml, c.StatusReason, c.CreatedAt, c.Article.Slug, c.Article.Headline));

    /// <summary>
    /// Comments still held that were held in [<paramref name="from"/>, <paramref name="to"/>): posted and held then, or
    /// taken off the site again then (readers' reports, an author's edit, a restore), which the history records.
    /// </summary>
    internal IQueryable<Comment> HeldBetween(DateTime from, DateTime to) =>
        _db.Comments.Where(c => c.Status == CommentStatus.Pending
            && ((c.CreatedAt >= from && c.CreatedAt < to)
                || _db.CommentHistory.Any(h => h.CommentId == c.Id && h.ToStatus == CommentStatus.Pending && h.FromStatus != CommentStatus.Pending
                                               && h.ChangedAt >= from && h.ChangedAt < to)));

    private async Task HeldAlertsAsync(CancellationToken cancellationToken)
    {
        var triggers = await _db.MailTriggers.Where(t => t.Kind == MailTriggerKind.Held).OrderBy(t => t.Id).Take(100).ToListAsync(cancellationToken);
        if (triggers.Count == 0)
        {
            return;
        }

        var ids = triggers.Select(t => t.CommentId).ToList();
        var comments = await Held(_db.Comments.Where(c => ids.Contains(c.Id))).ToListAsync(cancellationToken);
        var staff = await StaffRecipients(HeldCommentMail.EveryComment, DateTime.MaxValue).ToListAsync(cancellationToken);
        foreach (var member in staff)
        {
            var unsubscribe = await _links.UnsubscribeStaffAsync(member.Id);
            foreach (var comment in comments)
            {
                var body = new MailBody().Paragraph("A comment is waiting for moderation.");
                await DescribeHeldAsync(body, comment, member.Id);
                _outbox.Add(_db, new OutboxMail(MailKinds.ModeratorHeld, member.Email, member.Name,
                    $"Comment held on “{comment.Headline}”", body, unsubscribe) { QuotedComments = [comment.Id] });
            }
        }

        _db.MailTriggers.RemoveRange(triggers);
        await SaveOrLoseRaceAsync("held-comment alerts", cancellationToken);
    }

    private async Task DescribeHeldAsync(MailBody body, HeldItem comment, string staffUserId)
    {
        body.Field("Article", comment.Headline)
            .Field("Name", comment.AuthorName)
            .Field("Held because", comment.Reason ?? "Every new comment is checked first.")
            .Quote(Clip(CommentSanitizer.ToPlainText(comment.BodyHtml)))
            .Link("Open it in the moderation queue", $"/admin/comments/{comment.Id}")
            .Link("Approve it (you confirm on the page)", await _links.ModerateAsync(comment.Id, "approve", staffUserId, _options.ModerationLinkHours))
            .Link("Mark it as spam (you confirm on the page)", await _links.ModerateAsync(comment.Id, "spam", staffUserId, _options.ModerationLinkHours));
    }

    private async Task DigestsAsync(CancellationToken cancellationToken)
    {
        foreach (var (choice, period, word) in new[]
                 {
                     (HeldCommentMail.HourlyDigest, TimeSpan.FromHours(1), "hour"),
                     (HeldCommentMail.DailyDigest, TimeSpan.FromDays(1), "day"),
                 })
        {
            var due = Now - period;
            var staff = await StaffRecipients(choice, due).ToListAsync(cancellationToken);
            foreach (var member in staff)
            {
                var now = Now;
                var from = member.DigestFrom;
                var held = await Held(HeldBetween(from, now)).Take(DigestLimit).ToListAsync(cancellationToken);
                var total = held.Count < DigestLimit ? held.Count : await HeldBetween(from, now).CountAsync(cancellationToken);
                var preference = await _db.StaffMailPreferences.SingleAsync(p => p.StaffUserId == member.Id, cancellationToken);
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
                        await DescribeHeldAsync(body, comment, member.Id);
                    }

                    _outbox.Add(_db, new OutboxMail(MailKinds.ModeratorDigest, member.Email, member.Name,
                        total == 1 ? "1 comment is waiting for moderation" : $"{total} comments are waiting for moderation",
                        body, await _links.UnsubscribeStaffAsync(member.Id)) { QuotedComments = held.ConvertAll(c => c.Id) });
                }

                await SaveOrLoseRaceAsync("digest", cancellationToken);
            }
        }
    }

    private async Task ReplyNoticesAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var due = now - _options.ReplyGrouping;
        var tellAuthors = _options.TellAuthorWhenPublished;
        // A comment held again meanwhile (readers' reports, its author's edit) keeps its trigger until a moderator
        // decides: published again, its reply notice goes out then; taken down, the trigger is dropped below.
        var triggers = await _db.MailTriggers
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
        triggers.AddRange(await _db.MailTriggers
            .Where(t => t.Kind != MailTriggerKind.Held && ids.Contains(t.CommentId) && !taken.Contains(t.Id))
            .ToListAsync(cancellationToken));
        var published = await _db.Comments.AsNoTracking()
            .Where(c => ids.Contains(c.Id) && c.Status == CommentStatus.Approved)
            .Select(c => new
            {
                c.Id, c.ParentId, c.AuthorName, c.AuthorEmail, c.BodyHtml, c.IsStaffReply, c.Article.Slug, c.Article.Headline,
            })
            .ToListAsync(cancellationToken);
        var parents = published.Where(c => c.ParentId is not null).Select(c => c.ParentId!.Value).Distinct().ToList();
        var subscriptions = await _db.ReplySubscriptions.AsNoTracking()
            .Where(s => parents.Contains(s.CommentId) && _db.SubscriberAddresses.Any(a => a.Email == s.Email && a.ConfirmedAt != null))
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

                body.Quote(Clip(CommentSanitizer.ToPlainText(reply.BodyHtml)))
                    .Link("Read the reply", $"/news/{reply.Slug}#comment-{reply.Id}")
                    .Link("Stop notices for this conversation", await _links.UnsubscribeThreadAsync(subscription.Id));
            }

            var all = await _links.UnsubscribeAllAsync(group.Key);
            body.Link("Stop all reply notices to this address", all);
            _outbox.Add(_db, new OutboxMail(MailKinds.ReplyNotice, group.Key, null, subject, body, all) { QuotedComments = items.ConvertAll(n => n.reply.Id) });
        }

        if (tellAuthors)
        {
            var approved = triggers.Where(t => t.Kind == MailTriggerKind.Approved).Select(t => t.CommentId).ToHashSet();
            foreach (var comment in published.Where(c => approved.Contains(c.Id) && !c.IsStaffReply))
            {
                _outbox.Add(_db, new OutboxMail(MailKinds.CommentPublished, comment.AuthorEmail, comment.AuthorName,
                    $"Your comment on “{comment.Headline}” is published",
                    new MailBody().Paragraph("Thank you: your comment was checked and is now published.")
                        .Quote(Clip(CommentSanitizer.ToPlainText(comment.BodyHtml)))
                        .Link("See it on the article", $"/news/{comment.Slug}#comment-{comment.Id}"),
                    await _links.UnsubscribeAllAsync(comment.AuthorEmail)));
            }
        }

        _db.MailTriggers.RemoveRange(triggers);
        await SaveOrLoseRaceAsync("reply notices", cancellationToken);
    }

    /// <summary>Addresses that asked for reply notices and were never asked to confirm (or asked again a day later).</summary>
    private async Task ConfirmationsAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var resendBefore = now.AddDays(-1);
        var fresh = await _db.ReplySubscriptions.AsNoTracking()
            .Where(s => !_db.SubscriberAddresses.Any(a => a.Email == s.Email))
            .Select(s => s.Email).Distinct().OrderBy(e => e).Take(100).ToListAsync(cancellationToken);
        var again = await _db.SubscriberAddresses.AsNoTracking()
            .Where(a => a.ConfirmedAt == null && a.ConfirmationSentAt < resendBefore
                        && _db.ReplySubscriptions.Any(s => s.Email == a.Email && s.CreatedAt > a.ConfirmationSentAt))
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
            links[email] = await _links.ConfirmAddressAsync(email, _options.ConfirmLinkDays);
        }

        try
        {
            await _db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                _db.ChangeTracker.Clear();
                await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
                var asked = new List<string>(fresh);
                foreach (var address in again)
                {
                    // Claims the address: of two instances asking it again, only the first finds it as both read it.
                    var claimed = await _db.SubscriberAddresses
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
                    _db.SubscriberAddresses.Add(new SubscriberAddress { Email = email, ConfirmationSentAt = now });
                }

                foreach (var email in asked)
                {
                    _outbox.Add(_db, new OutboxMail(MailKinds.ConfirmSubscription, email, null, "Please confirm: e-mail me when someone replies",
                        new MailBody()
                            .Paragraph("Someone (we hope you) asked to be told by e-mail when someone replies to their comment, giving this address.")
                            .Link("Yes, send me reply notices", links[email])
                            .Paragraph($"The link works for {_options.ConfirmLinkDays} days. If it was not you, ignore this message: without your confirmation nothing more is sent.")));
                }

                await _db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
        }
        catch (DbUpdateException ex) when (IsLostRace(ex))
        {
            _db.ChangeTracker.Clear();
        }
        catch (DbUpdateException ex)
        {
            _db.ChangeTracker.Clear();
            LogSaveFailed(_logger, "confirmations", ex);
        }
    }

    /// <summary>
    /// Another instance did the same step first: its messages stand, these are dropped. Any other failure is logged
    /// and the step's work is left for the next pass, so one bad row does not stop the steps after it.
    /// </summary>
    private async Task SaveOrLoseRaceAsync(string step, CancellationToken cancellationToken)
    {
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (IsLostRace(ex))
        {
            _db.ChangeTracker.Clear();
        }
        catch (DbUpdateException ex)
        {
            _db.ChangeTracker.Clear();
            LogSaveFailed(_logger, step, ex);
        }
    }

    private static bool IsLostRace(DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The notification dispatcher could not save its {Step}; it tries again on its next pass")]
    private static partial void LogSaveFailed(ILogger logger, string step, Exception exception);

    private static string Clip(string text)
    {
        text = text.Trim();
        return text.Length <= QuoteLength ? text : text[..QuoteLength] + "…";
    }
}
