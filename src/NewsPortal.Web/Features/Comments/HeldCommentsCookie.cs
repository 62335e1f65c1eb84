namespace NewsPortal.Web.Features.Comments;

/// <summary>
/// Remembers, in a signed and encrypted cookie, the comments this browser wrote: the held ones, so their author sees
/// them marked "awaiting moderation" while nobody else does (as WordPress does with its commenter cookie), and every
/// comment with the time it was posted, so its author can edit or delete it for
/// <see cref="CommentOptions.EditWindowMinutes"/> from this browser and no other. Keys live in the database, so the
/// cookie survives restarts and works on every instance.
/// </summary>
/// <remarks>
/// The value is a comma-separated list: <c>5</c> for a held comment, <c>o5@1764690000</c> for one this browser posted
/// (with the Unix time it was posted). Cookies written before the second kind existed hold only the first.
/// </remarks>
public sealed class HeldCommentsCookie(IDataProtectionProvider protection, TimeProvider time, IOptionsMonitor<CommentOptions> options)
{
    public const string CookieName = "np_held";
    public const int MaxRemembered = 20;
    private const string OwnPrefix = "o";

    private readonly ProtectedCookie _cookie = new(protection, "NewsPortal.Comments.Held.v1", CookieName, TimeSpan.FromDays(30), SameSiteMode.Lax, "/");

    private TimeSpan EditWindow => TimeSpan.FromMinutes(options.CurrentValue.EditWindowMinutes);

    /// <summary>The held comments this browser wrote.</summary>
    public IReadOnlySet<int> Read(HttpContext context) =>
        Entries(context).Select(e => int.TryParse(e, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .Where(n => n > 0)
            .Take(MaxRemembered)
            .ToHashSet();

    /// <summary>The comments this browser wrote whose edit window is still open.</summary>
    public IReadOnlySet<int> ReadEditable(HttpContext context)
    {
        var window = EditWindow;
        var now = time.GetUtcNow();
        return window <= TimeSpan.Zero
            ? new HashSet<int>()
            : Own(Entries(context)).Where(o => now - o.PostedAt < window).Select(o => o.Id).ToHashSet();
    }

    /// <summary>When this browser posted comment <paramref name="commentId"/>, if it did (and still remembers it).</summary>
    public DateTimeOffset? PostedAt(HttpContext context, int commentId) =>
        Own(Entries(context)).Where(o => o.Id == commentId).Select(o => (DateTimeOffset?)o.PostedAt).FirstOrDefault();

    /// <summary>Remembers a held comment (shown to its author as awaiting moderation).</summary>
    public void Remember(HttpContext context, int commentId) =>
        Write(context, Entries(context).Prepend(commentId.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Remembers a comment this browser just posted, for its edit window.</summary>
    public void RememberOwn(HttpContext context, int commentId, bool held)
    {
        var own = string.Create(CultureInfo.InvariantCulture, $"{OwnPrefix}{commentId}@{time.GetUtcNow().ToUnixTimeSeconds()}");
        var entries = Entries(context).Prepend(own);
        if (held)
        {
            entries = entries.Prepend(commentId.ToString(CultureInfo.InvariantCulture));
        }

        Write(context, entries);
    }

    private void Write(HttpContext context, IEnumerable<string> entries)
    {
        // Own entries past any possible window are dropped; at most MaxRemembered of each kind are kept.
        var now = time.GetUtcNow();
        var all = entries.Distinct().ToList();
        var held = all.Where(e => !e.StartsWith(OwnPrefix, StringComparison.Ordinal)).Take(MaxRemembered);
        var own = all.Where(e => e.StartsWith(OwnPrefix, StringComparison.Ordinal))
            .Where(e => Own([e]).Any(o => now - o.PostedAt < TimeSpan.FromDays(1)))
            .Take(MaxRemembered);
        _cookie.Write(context, string.Join(',', held.Concat(own)));
    }

    /// <summary>What the cookie holds; nothing when it is missing, tampered with or signed with a revoked key.</summary>
    private List<string> Entries(HttpContext context) =>
        [.. (_cookie.Read(context.Request) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Take(2 * MaxRemembered)];

    private static IEnumerable<(int Id, DateTimeOffset PostedAt)> Own(IEnumerable<string> entries)
    {
        foreach (var entry in entries)
        {
            var at = entry.IndexOf('@', StringComparison.Ordinal);
            if (entry.StartsWith(OwnPrefix, StringComparison.Ordinal) && at > 1
                && int.TryParse(entry.AsSpan(1, at - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                && long.TryParse(entry.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                && seconds < 253_402_300_799)
            {
                yield return (id, DateTimeOffset.FromUnixTimeSeconds(seconds));
            }
        }
    }
}
