namespace NewsPortal.Web.Features.Comments;

/// <summary>
/// The comment rules in force right now: the "Comments" configuration section, overridden by what an admin
/// saved on the settings page. Kept in the reader cache: a save anywhere moves its version (the settings are an
/// article-level change), so the next request on every instance reads the new rules.
/// </summary>
public sealed class CommentRulesSource(ReaderSnapshot cache, IOptionsMonitor<CommentOptions> options, KeyRingKeys keys)
{
    private const string ErasedKeyPurpose = "erased-address-bans";


    /// <summary>
    /// The keyed hash an erased address is listed by (<see cref="CommentRules.ErasedPrefix"/>), when
    /// <paramref name="rules"/> list any; null otherwise, so an ordinary post never needs the key.
    /// </summary>
    public async ValueTask<string?> ErasedKeyAsync(CommentOptions rules, string email) =>
        rules.BlockedEmails.Concat(rules.HeldEmails).Any(e => e.StartsWith(CommentRules.ErasedPrefix, StringComparison.OrdinalIgnoreCase))
            ? await ErasedKeyOfAsync(email)
            : null;

    /// <summary>The list entry that stands for <paramref name="email"/> once its owner's data is erased.</summary>
    public async Task<string> ErasedKeyOfAsync(string email) =>
        CommentRules.ErasedPrefix + Convert.ToHexStringLower(
            HMACSHA256.HashData(await keys.StableAsync(ErasedKeyPurpose), Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));

    public ValueTask<CommentOptions> GetAsync(CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync("comment-rules", ReaderChange.Articles, async (db, ct) => Merge(
            options.CurrentValue,
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
