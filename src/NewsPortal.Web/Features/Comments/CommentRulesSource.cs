using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Infrastructure.Caching;

namespace NewsPortal.Web.Features.Comments;

/// <summary>
/// The comment rules in force right now: the "Comments" configuration section, overridden by what an admin
/// saved on the settings page. Kept in the reader cache: a save anywhere moves its version (the settings are an
/// article-level change), so the next request on every instance reads the new rules.
/// </summary>
public sealed class CommentRulesSource
{
    private readonly ReaderSnapshot _cache;
    private readonly IOptionsMonitor<CommentOptions> _options;

    public CommentRulesSource(ReaderSnapshot cache, IOptionsMonitor<CommentOptions> options)
    {
        _cache = cache;
        _options = options;
    }

    public ValueTask<CommentOptions> GetAsync(CancellationToken cancellationToken) =>
        _cache.GetOrLoadAsync("comment-rules", ReaderChange.Articles, async (db, ct) => Merge(
            _options.CurrentValue,
            await db.CommentSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == CommentSettings.SingletonId, ct)), cancellationToken);

    /// <summary>An article takes comments when its own switch is on and auto-close has not passed.</summary>
    public static bool IsOpen(bool articleCommentsOpen, DateTime publishedAtUtc, DateTime utcNow, CommentOptions rules) =>
        articleCommentsOpen && (rules.AutoCloseAfterDays == 0 || utcNow - publishedAtUtc < TimeSpan.FromDays(rules.AutoCloseAfterDays));

    internal static CommentOptions Merge(CommentOptions configured, CommentSettings? saved) => saved is null ? configured : new CommentOptions
    {
        MinSecondsToPost = configured.MinSecondsToPost,
        PostsPerMinutePerIp = configured.PostsPerMinutePerIp,
        DuplicateWindowMinutes = configured.DuplicateWindowMinutes,
        MaxRequestBytes = configured.MaxRequestBytes,
        FormStampMaxAgeHours = configured.FormStampMaxAgeHours,
        ThreadsPerPage = configured.ThreadsPerPage,
        ReportsToHold = configured.ReportsToHold,
        ReportsPerHourPerIp = configured.ReportsPerHourPerIp,
        EditWindowMinutes = configured.EditWindowMinutes,
        PreModeration = saved.PreModeration,
        AutoApprovePreviouslyApproved = saved.AutoApprovePreviouslyApproved,
        MaxLinks = saved.MaxLinks,
        ModerationKeywords = Lines(saved.ModerationKeywords),
        BlockedWords = Lines(saved.BlockedWords),
        BlockedEmails = Lines(saved.BlockedEmails),
        BlockedIps = Lines(saved.BlockedIps),
        HeldEmails = Lines(saved.HeldEmails),
        AutoCloseAfterDays = saved.AutoCloseAfterDays,
    };

    public static List<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
