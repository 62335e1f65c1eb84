namespace NewsPortal.Web.Features.Comments;

/// <summary>
/// What "one reader" means for reports: a random id kept in a signed and encrypted cookie (a year), issued when the
/// report form is first shown. The database keeps only its SHA-256 (<see cref="KeyOf"/>), next to a keyed hash of the
/// client IP address; a report counts when neither that reader nor that address has reported the comment before, so
/// clearing cookies does not buy a second vote, and people behind one address (an office, a mobile network) count
/// once per comment. Keys live in the database, so the cookie works on every instance and after a restart.
/// </summary>
public sealed class ReaderIdCookie(IDataProtectionProvider protection)
{
    public const string CookieName = "np_reader";

    private readonly ProtectedCookie _cookie = new(protection, "NewsPortal.Comments.Reader.v1", CookieName, TimeSpan.FromDays(365), SameSiteMode.Lax, "/");

    /// <summary>This browser's id, issuing a new one (and its cookie) when it has none or a tampered one.</summary>
    public string GetOrIssue(HttpContext context)
    {
        if (Read(context) is { } id)
        {
            return id;
        }

        id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _cookie.Write(context, id);
        return id;
    }

    public string? Read(HttpContext context) =>
        _cookie.Read(context.Request) is { Length: 32 } id && id.All(char.IsAsciiHexDigitLower) ? id : null;

    public static string KeyOf(string readerId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(readerId)));
}
