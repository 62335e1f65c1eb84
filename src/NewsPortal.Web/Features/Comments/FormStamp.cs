using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace NewsPortal.Web.Features.Comments;

/// <summary>
/// A signed, encrypted "this form was rendered at T" token. Bots that post instantly, or forge a time, are
/// caught without a CAPTCHA. Data-protection keys live in the database, so a stamp made by one instance is
/// read by every other, also after a restart.
/// </summary>
public sealed class FormStamp
{
    private readonly IDataProtector _protector;
    private readonly TimeProvider _time;

    public FormStamp(IDataProtectionProvider protection, TimeProvider time)
    {
        _protector = protection.CreateProtector("NewsPortal.Comments.FormStamp.v1");
        _time = time;
    }

    public string Issue() =>
        _protector.Protect(_time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>How long ago the form was rendered, or null when the stamp is missing, forged or unreadable.</summary>
    public TimeSpan? Age(string? stamp)
    {
        if (string.IsNullOrEmpty(stamp))
        {
            return null;
        }

        try
        {
            var issued = long.Parse(_protector.Unprotect(stamp), NumberStyles.None, CultureInfo.InvariantCulture);
            return _time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(issued);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or FormatException or OverflowException)
        {
            return null;
        }
    }
}
