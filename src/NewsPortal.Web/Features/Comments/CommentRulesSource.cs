using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Comments;

/// <summary>
/// The comment rules in force right now: the "Comments" configuration section, overridden by what an admin
/// saved on the settings page. Read from the database at most every few seconds; a save on this instance
/// takes effect at once, other instances pick it up within <see cref="CacheFor"/>.
/// </summary>
public sealed class CommentRulesSource
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private const string CacheKey = "comment-rules";

    private readonly NewsDbContext _db;
    private readonly IMemoryCache _cache;
    private readonly IOptionsMonitor<CommentOptions> _options;

    public CommentRulesSource(NewsDbContext db, IMemoryCache cache, IOptionsMonitor<CommentOptions> options)
    {
        _db = db;
        _cache = cache;
        _options = options;
    }

    public async Task<CommentOptions> GetAsync(CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(CacheKey, out CommentOptions? rules) && rules is not null)
        {
            return rules;
        }

        var saved = await _db.CommentSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == CommentSettings.SingletonId, cancellationToken);
        rules = Merge(_options.CurrentValue, saved);
        _cache.Set(CacheKey, rules, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = CacheFor, Size = 1024 });
        return rules;
    }

    /// <summary>Forget the cached rules so the next request reads what was just saved.</summary>
    public void Invalidate() => _cache.Remove(CacheKey);

    /// <summary>An article takes comments when its own switch is on and auto-close has not passed.</summary>
    public static bool IsOpen(bool articleCommentsOpen, DateTime publishedAtUtc, DateTime utcNow, CommentOptions rules) =>
        articleCommentsOpen && (rules.AutoCloseAfterDays == 0 || utcNow - publishedAtUtc < TimeSpan.FromDays(rules.AutoCloseAfterDays));

    internal static CommentOptions Merge(CommentOptions configured, CommentSettings? saved) => saved is null ? configured : new CommentOptions
    {
        MinSecondsToPost = configured.MinSecondsToPost,
        PostsPerMinutePerIp = configured.PostsPerMinutePerIp,
        DuplicateWindowMinutes = configured.DuplicateWindowMinutes,
        MaxRequestBytes = configured.MaxRequestBytes,
        PreModeration = saved.PreModeration,
        AutoApprovePreviouslyApproved = saved.AutoApprovePreviouslyApproved,
        MaxLinks = saved.MaxLinks,
        ModerationKeywords = Lines(saved.ModerationKeywords),
        BlockedWords = Lines(saved.BlockedWords),
        BlockedEmails = Lines(saved.BlockedEmails),
        BlockedIps = Lines(saved.BlockedIps),
        AutoCloseAfterDays = saved.AutoCloseAfterDays,
    };

    public static List<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
