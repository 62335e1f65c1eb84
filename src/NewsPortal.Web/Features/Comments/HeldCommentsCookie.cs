using Microsoft.AspNetCore.DataProtection;

namespace NewsPortal.Web.Features.Comments;

/// <summary>
/// Remembers, in a signed and encrypted cookie, which held comments this browser wrote, so their author sees
/// them marked "awaiting moderation" while nobody else does (as WordPress does with its commenter cookie).
/// Keys live in the database, so the cookie survives restarts and works on every instance.
/// </summary>
public sealed class HeldCommentsCookie
{
    public const string CookieName = "np_held";
    public const int MaxRemembered = 20;
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private readonly IDataProtector _protector;

    public HeldCommentsCookie(IDataProtectionProvider protection) =>
        _protector = protection.CreateProtector("NewsPortal.Comments.Held.v1");

    public IReadOnlySet<int> Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return new HashSet<int>();
        }

        try
        {
            return _protector.Unprotect(value)
                .Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(id => int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0)
                .Where(n => n > 0)
                .Take(MaxRemembered)
                .ToHashSet();
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Tampered with, or signed with a key that has been revoked: forget it.
            return new HashSet<int>();
        }
    }

    public void Remember(HttpContext context, int commentId)
    {
        var ids = Read(context).Prepend(commentId).Distinct().Take(MaxRemembered);
        var value = _protector.Protect(string.Join(',', ids));
        context.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = Lifetime,
            Path = "/",
        });
    }
}
