namespace NewsPortal.Web.Features.Notifications;

/// <summary>E-mail about comments: moderators' alerts and digests, commenters' reply notices.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>How often the dispatcher turns what happened to comments into messages.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A reply waits this long before its notice goes out, so several replies in a few minutes make one digest.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ReplyGrouping { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Tell the author of a held comment when a moderator publishes it.</summary>
    public bool TellAuthorWhenPublished { get; set; }

    /// <summary>How long a link that confirms an address works.</summary>
    [Range(1, 90)]
    public int ConfirmLinkDays { get; set; } = 7;

    /// <summary>How long a moderator's one-click link (approve, spam) works.</summary>
    [Range(1, 720)]
    public int ModerationLinkHours { get; set; } = 72;

    /// <summary>Off only in tests that drive the dispatcher by hand.</summary>
    public bool Enabled { get; set; } = true;
}
