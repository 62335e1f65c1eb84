namespace NewsPortal.Web.Infrastructure.Security;

/// <summary>
/// A value the browser keeps for the site in a cookie signed and encrypted with the data-protection key ring, so the
/// client can neither read nor forge it, and (the keys living in the database) every instance reads it, before and
/// after a restart. HttpOnly and essential; Secure whenever the request came over https.
/// </summary>
/// <param name="maxLength">A longer cookie is not even decrypted.</param>
public sealed class ProtectedCookie(
    IDataProtectionProvider protection, string purpose, string name, TimeSpan lifetime, SameSiteMode sameSite, string path, int maxLength = int.MaxValue)
{
    private readonly IDataProtector _protector = protection.CreateProtector(purpose);

    /// <summary>The value this browser sent; null when it sent none, or one tampered with or signed with a revoked key.</summary>
    public string? Read(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(name, out var value) || string.IsNullOrEmpty(value) || value.Length > maxLength)
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public void Write(HttpContext context, string value) =>
        context.Response.Cookies.Append(name, _protector.Protect(value), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = sameSite,
            Secure = context.Request.IsHttps,
            MaxAge = lifetime,
            Path = path,
        });
}
