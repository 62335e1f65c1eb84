using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace NewsPortal.Web.Features.Comments;

/// <summary>
/// What "one reader" means for reports: a random id kept in a signed and encrypted cookie (a year), issued when the
/// report form is first shown. The database keeps only its SHA-256 (<see cref="KeyOf"/>), next to a keyed hash of the
/// client IP address; a report counts when neither that reader nor that address has reported the comment before, so
/// clearing cookies does not buy a second vote, and people behind one address (an office, a mobile network) count
/// once per comment. Keys live in the database, so the cookie works on every instance and after a restart.
/// </summary>
public sealed class ReaderIdCookie
{
    public const string CookieName = "np_reader";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    private readonly IDataProtector _protector;

    public ReaderIdCookie(IDataProtectionProvider protection) =>
        _protector = protection.CreateProtector("NewsPortal.Comments.Reader.v1");

    /// <summary>This browser's id, issuing a new one (and its cookie) when it has none or a tampered one.</summary>
    public string GetOrIssue(HttpContext context)
    {
        if (Read(context) is { } id)
        {
            return id;
        }

        id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Response.Cookies.Append(CookieName, _protector.Protect(id), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = Lifetime,
            Path = "/",
        });
        return id;
    }

    public string? Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var id = _protector.Unprotect(value);
            return id.Length == 32 && id.All(char.IsAsciiHexDigitLower) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public static string KeyOf(string readerId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(readerId)));
}
