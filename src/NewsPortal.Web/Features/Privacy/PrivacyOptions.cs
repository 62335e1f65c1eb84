namespace NewsPortal.Web.Features.Privacy;

public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>IP address and user agent are cleared from comments older than this many days.</summary>
    [Range(1, 3650)]
    public int RetainClientDataDays { get; set; } = 90;

    /// <summary>On erasure, keep the text of the comments (anonymised) instead of removing it.</summary>
    public bool EraseKeepsText { get; set; }

    /// <summary>How long the export and erasure links mailed to a commenter work.</summary>
    [Range(1, 168)]
    public int LinkHours { get; set; } = 24;

    /// <summary>Privacy form posts (each may mail a link) one client may make per hour before 429.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerHourPerIp { get; set; } = 10;

    /// <summary>At most one export or erasure link is mailed to an address in this many minutes, however often it is asked for.</summary>
    [Range(1, 24 * 60)]
    public int MailCooldownMinutes { get; set; } = 15;

    /// <summary>How often the retention job runs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Off only in tests that drive the retention job by hand.</summary>
    public bool RetentionEnabled { get; set; } = true;
}
