namespace NewsPortal.Web.Features.Comments;

/// <summary>
/// The comment rules, bound from the "Comments" section. These are the site's defaults; the admin area's
/// settings page can override the moderation rules at run time.
/// </summary>
public sealed class CommentOptions
{
    public const string SectionName = "Comments";

    /// <summary>Least seconds between rendering the form and posting it; faster posts are a bot's.</summary>
    [Range(0, 3600)]
    public int MinSecondsToPost { get; set; } = 3;

    /// <remarks>High ceilings exist for sites behind a proxy that hides client addresses, and for load tests.</remarks>
    [Range(1, 1_000_000)]
    public int PostsPerMinutePerIp { get; set; } = 5;

    /// <summary>Hold every new comment for a moderator (the default) unless a rule approves it.</summary>
    public bool PreModeration { get; set; } = true;

    /// <summary>Publish at once when the email already has an approved comment (WordPress's rule).</summary>
    public bool AutoApprovePreviouslyApproved { get; set; }

    /// <summary>Hold a comment with more links than this.</summary>
    [Range(0, 100)]
    public int MaxLinks { get; set; } = 2;

    /// <summary>Hold a comment that contains any of these words or phrases.</summary>
    public List<string> ModerationKeywords { get; set; } = [];

    /// <summary>Mark as spam a comment containing any of these words or phrases.</summary>
    public List<string> BlockedWords { get; set; } = [];

    /// <summary>Mark as spam a comment from these addresses (exact, case-insensitive) or domains ("@example.com").</summary>
    public List<string> BlockedEmails { get; set; } = [];

    /// <summary>Always hold for a moderator a comment from these addresses (exact, case-insensitive) or domains ("@example.com").</summary>
    public List<string> HeldEmails { get; set; } = [];

    /// <summary>Mark as spam a comment from these client IP addresses.</summary>
    public List<string> BlockedIps { get; set; } = [];

    /// <summary>The same email and text on the same article within this window is stored once.</summary>
    [Range(0, 24 * 60)]
    public int DuplicateWindowMinutes { get; set; } = 10;

    /// <summary>Close comments on articles older than this many days (0: never).</summary>
    [Range(0, 3650)]
    public int AutoCloseAfterDays { get; set; }

    /// <summary>Largest comment request accepted; bigger ones are refused before the body is read.</summary>
    [Range(4 * 1024, 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// A comment form older than this is treated like a bot's (stored as spam with the reason): a stamp cannot be
    /// replayed for ever. Hours.
    /// </summary>
    [Range(1, 24 * 30)]
    public int FormStampMaxAgeHours { get; set; } = 24;

    /// <summary>Top-level threads per comment page; replies stay with their parent.</summary>
    [Range(5, 500)]
    public int ThreadsPerPage { get; set; } = 25;

    /// <summary>A published comment that this many different readers have reported is held for a moderator.</summary>
    [Range(1, 1000)]
    public int ReportsToHold { get; set; } = 3;

    /// <summary>Reports one client IP may send per hour before the friendly 429 page.</summary>
    [Range(1, 1_000_000)]
    public int ReportsPerHourPerIp { get; set; } = 20;

    /// <summary>Minutes during which a comment's author may edit or delete it from the browser they wrote it in (0: never).</summary>
    [Range(0, 24 * 60)]
    public int EditWindowMinutes { get; set; } = 10;
}
