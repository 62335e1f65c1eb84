namespace NewsPortal.Web.Features.Notifications;

/// <summary>The signed links notifications carry, in one place so the pages that open them check the same purposes.</summary>
public sealed class MailLinks(LinkSigner signer)
{
    public const string ConfirmPurpose = "confirm-address";
    public const string UnsubscribePurpose = "unsubscribe";
    public const string ModeratePurpose = "moderate";

    /// <summary>Unsubscribe links keep working for as long as a message may sit in a mailbox.</summary>
    private static readonly TimeSpan UnsubscribeLifetime = TimeSpan.FromDays(3650);


    public async Task<string> ConfirmAddressAsync(string email, int days) =>
        "/mail/confirm?t=" + await signer.SignAsync(ConfirmPurpose, email, TimeSpan.FromDays(days));

    public async Task<string> UnsubscribeThreadAsync(int subscriptionId) =>
        "/mail/unsubscribe?t=" + await signer.SignAsync(UnsubscribePurpose, "thread:" + subscriptionId.ToString(CultureInfo.InvariantCulture), UnsubscribeLifetime);

    public async Task<string> UnsubscribeAllAsync(string email) =>
        "/mail/unsubscribe?t=" + await signer.SignAsync(UnsubscribePurpose, "all:" + email, UnsubscribeLifetime);

    public async Task<string> UnsubscribeStaffAsync(string staffUserId) =>
        "/mail/unsubscribe?t=" + await signer.SignAsync(UnsubscribePurpose, "staff:" + staffUserId, UnsubscribeLifetime);

    /// <summary>Opens a confirmation page in the admin area: following it (as a link scanner does) changes nothing.</summary>
    public async Task<string> ModerateAsync(int commentId, string action, string staffUserId, int hours) =>
        string.Create(CultureInfo.InvariantCulture, $"/admin/comments/{commentId}/confirm?do={action}&t=")
        + await signer.SignAsync(ModeratePurpose, string.Create(CultureInfo.InvariantCulture, $"{commentId}:{action}:{staffUserId}"), TimeSpan.FromHours(hours));
}
