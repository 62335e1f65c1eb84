namespace NewsPortal.Web.Features.Notifications;

/// <summary>
/// Turns what happened to comments (<see cref="Domain.MailTrigger"/> rows, written with the change) into outbox
/// messages, one step per kind of mail, in this order: confirmation links to addresses that asked for notices
/// (<see cref="AddressConfirmations"/>), an alert per held comment (<see cref="HeldCommentAlerts"/>), reply notices
/// (<see cref="ReplyNotices"/>) and moderators' digests (<see cref="ModeratorDigests"/>). Each step deletes its
/// triggers, moves the digest mark or claims the address in the same save (or transaction) that adds the messages,
/// so instances running it at once send each message once.
/// </summary>
public sealed class NotificationDispatcher(AddressConfirmations confirmations, HeldCommentAlerts alerts, ReplyNotices replies, ModeratorDigests digests)
{
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await confirmations.RunAsync(cancellationToken);
        await alerts.RunAsync(cancellationToken);
        await replies.RunAsync(cancellationToken);
        await digests.RunAsync(cancellationToken);
    }
}
