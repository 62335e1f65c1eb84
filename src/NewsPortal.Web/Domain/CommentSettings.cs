namespace NewsPortal.Web.Domain;

/// <summary>
/// The comment rules as set on the admin settings page. One row; when it does not exist yet, the
/// configuration's defaults (the "Comments" section) are in force.
/// </summary>
public class CommentSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public bool PreModeration { get; set; } = true;
    public bool AutoApprovePreviouslyApproved { get; set; }
    public int MaxLinks { get; set; } = 2;

    /// <summary>One entry per line.</summary>
    public string ModerationKeywords { get; set; } = string.Empty;

    /// <summary>One entry per line.</summary>
    public string BlockedWords { get; set; } = string.Empty;

    /// <summary>One entry per line: an address, or "@domain".</summary>
    public string BlockedEmails { get; set; } = string.Empty;

    /// <summary>One entry per line: an address, or "@domain"; their comments are always held for a moderator.</summary>
    public string HeldEmails { get; set; } = string.Empty;

    /// <summary>One entry per line.</summary>
    public string BlockedIps { get; set; } = string.Empty;

    public int AutoCloseAfterDays { get; set; }

    /// <summary>UTC.</summary>
    public DateTime UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    /// <summary>Incremented on every save, so two admins editing at once cannot silently overwrite each other.</summary>
    public int Version { get; set; }
}
