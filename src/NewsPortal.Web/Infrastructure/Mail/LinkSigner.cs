namespace NewsPortal.Web.Infrastructure.Mail;

public enum LinkCheck
{
    Valid,
    Expired,
    Invalid,
}

/// <summary>
/// Seals what a link in an e-mail stands for (a purpose such as "unsubscribe", a subject such as an address, and an
/// expiry) with the data-protection key ring, one protector per purpose, so following it needs no account and it
/// cannot be forged, changed, used for another purpose or after it expires; the subject is encrypted too. The ring's
/// keys are shared by every instance, encrypted at rest with <c>DataProtection:CertificatePath</c>, rotated every 90
/// days and kept (so a link made under an older key still opens) unless revoked. Tokens go in the query string,
/// which the site's own request log never records; a reverse proxy's access log does unless it logs paths only.
/// Links of the previous format (<c>{payload}.{HMAC}</c> under a <see cref="SiteSecretStore"/> key) are still
/// verified, never issued, while that key exists, so mail sent before the change keeps working until it expires
/// (short-lived ones only if they expire within <see cref="SiteSecretStore.LegacyShortLinkGrace"/> of the upgrade).
/// </summary>
public sealed class LinkSigner(IDataProtectionProvider protection, SiteSecretStore legacy, TimeProvider time)
{
    private const string ProtectorPurpose = "NewsPortal.MailLinks.v2";

    /// <summary>The one purpose whose old-format links are accepted until they expire, however far off.</summary>
    private const string LongLivedLegacyPurpose = "unsubscribe";
    private readonly IDataProtector _protector = protection.CreateProtector(ProtectorPurpose);

    public Task<string> SignAsync(string purpose, string subject, TimeSpan lifetime)
    {
        var expires = (time.GetUtcNow() + lifetime).ToUnixTimeSeconds();
        var payload = Encoding.UTF8.GetBytes($"{expires.ToString(CultureInfo.InvariantCulture)}\n{subject}");
        return Task.FromResult(WebEncoders.Base64UrlEncode(_protector.CreateProtector(purpose).Protect(payload)));
    }

    /// <summary>The subject when <paramref name="token"/> was signed here for <paramref name="purpose"/> and has not expired.</summary>
    public async Task<(LinkCheck Check, string? Subject)> CheckAsync(string purpose, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2_000)
        {
            return (LinkCheck.Invalid, null);
        }

        if (token.Contains('.', StringComparison.Ordinal))
        {
            return await CheckLegacyAsync(purpose, token);
        }

        string payload;
        try
        {
            payload = Encoding.UTF8.GetString(_protector.CreateProtector(purpose).Unprotect(WebEncoders.Base64UrlDecode(token)));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return (LinkCheck.Invalid, null);
        }

        return payload.Split('\n', 2) is [var expiry, var subject] && long.TryParse(expiry, NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            ? Judge(expires, subject)
            : (LinkCheck.Invalid, null);
    }

    private async Task<(LinkCheck Check, string? Subject)> CheckLegacyAsync(string purpose, string token)
    {
        if (token.Split('.') is not [var encodedPayload, var encodedMac] || await legacy.FindAsync(SiteSecretStore.MailLinksKey) is not { } key)
        {
            return (LinkCheck.Invalid, null);
        }

        byte[] payload, mac;
        try
        {
            payload = WebEncoders.Base64UrlDecode(encodedPayload);
            mac = WebEncoders.Base64UrlDecode(encodedMac);
        }
        catch (FormatException)
        {
            return (LinkCheck.Invalid, null);
        }

        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, payload), mac))
        {
            return (LinkCheck.Invalid, null);
        }

        var parts = Encoding.UTF8.GetString(payload).Split('\n', 3);
        if (parts.Length != 3 || parts[0] != purpose || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return (LinkCheck.Invalid, null);
        }

        // Unsubscribe links were mailed to last for years (and a forged one can only stop mail); any other link of
        // this format was mailed before the old key retired, so it expires soon after: a later expiry was made since,
        // with a copy of the key.
        return purpose == LongLivedLegacyPurpose
            || (legacy.MailLinksRetiredAt is { } retired
                && DateTimeOffset.FromUnixTimeSeconds(expires) <= new DateTimeOffset(retired, TimeSpan.Zero) + SiteSecretStore.LegacyShortLinkGrace)
            ? Judge(expires, parts[2])
            : (LinkCheck.Invalid, null);
    }

    private (LinkCheck, string?) Judge(long expires, string subject) =>
        time.GetUtcNow().ToUnixTimeSeconds() > expires ? (LinkCheck.Expired, subject) : (LinkCheck.Valid, subject);
}
