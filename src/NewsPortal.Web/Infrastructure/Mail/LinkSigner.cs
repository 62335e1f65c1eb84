using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using NewsPortal.Web.Infrastructure.Security;

namespace NewsPortal.Web.Infrastructure.Mail;

public enum LinkCheck
{
    Valid,
    Expired,
    Invalid,
}

/// <summary>
/// Signs what a link in an e-mail stands for (a purpose such as "unsubscribe-all", a subject such as an address, and
/// an expiry) with a key every instance shares (<see cref="SiteSecretStore"/>), so following it needs no account and
/// cannot be forged, changed or used after it expires. Tokens go in the query string, which the request log never
/// records. The subject is readable by whoever holds the link; it is only ever sent to the person it concerns.
/// </summary>
public sealed class LinkSigner
{
    private const string KeyName = "mail-links";
    private readonly SiteSecretStore _secrets;
    private readonly TimeProvider _time;

    public LinkSigner(SiteSecretStore secrets, TimeProvider time)
    {
        _secrets = secrets;
        _time = time;
    }

    public async Task<string> SignAsync(string purpose, string subject, TimeSpan lifetime)
    {
        var expires = (_time.GetUtcNow() + lifetime).ToUnixTimeSeconds();
        var payload = Encoding.UTF8.GetBytes($"{purpose}\n{expires.ToString(CultureInfo.InvariantCulture)}\n{subject}");
        var mac = HMACSHA256.HashData(await _secrets.GetAsync(KeyName), payload);
        return WebEncoders.Base64UrlEncode(payload) + "." + WebEncoders.Base64UrlEncode(mac);
    }

    /// <summary>The subject when <paramref name="token"/> was signed here for <paramref name="purpose"/> and has not expired.</summary>
    public async Task<(LinkCheck Check, string? Subject)> CheckAsync(string purpose, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2_000 || token.Split('.') is not [var encodedPayload, var encodedMac])
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

        var expected = HMACSHA256.HashData(await _secrets.GetAsync(KeyName), payload);
        if (!CryptographicOperations.FixedTimeEquals(expected, mac))
        {
            return (LinkCheck.Invalid, null);
        }

        var parts = Encoding.UTF8.GetString(payload).Split('\n', 3);
        if (parts.Length != 3 || parts[0] != purpose || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return (LinkCheck.Invalid, null);
        }

        return _time.GetUtcNow().ToUnixTimeSeconds() > expires ? (LinkCheck.Expired, parts[2]) : (LinkCheck.Valid, parts[2]);
    }
}
