namespace NewsPortal.Web.Features.AdminSettings;

/// <remarks>
/// Every field is <see cref="BindRequiredAttribute"/>: a post that leaves one out is refused, never saved as false or 0.
/// The checkboxes always post (the box's "true" and its hidden "false"), as do the text areas, empty or not.
/// </remarks>
public sealed class CommentSettingsForm
{
    [Display(Name = "Hold every new comment for moderation (pre-moderation)")]
    [BindRequired]
    public bool PreModeration { get; set; }

    [Display(Name = "Publish at once when the email already has an approved comment")]
    [BindRequired]
    public bool AutoApprovePreviouslyApproved { get; set; }

    [Display(Name = "Hold a comment with more links than")]
    [Range(0, 100, ErrorMessage = "Choose a number from {1} to {2}.")]
    [BindRequired]
    public int MaxLinks { get; set; }

    [Display(Name = "Moderation keywords (one per line): hold the comment")]
    [StringLength(FieldLengths.SettingsList)]
    [BindRequired]
    public string? ModerationKeywords { get; set; }

    [Display(Name = "Blocked words (one per line): mark as spam")]
    [StringLength(FieldLengths.SettingsList)]
    [BindRequired]
    public string? BlockedWords { get; set; }

    [Display(Name = "Blocked emails (one per line; @domain blocks a whole domain): mark as spam")]
    [StringLength(FieldLengths.SettingsList)]
    [BindRequired]
    public string? BlockedEmails { get; set; }

    [Display(Name = "Always-hold emails (one per line; @domain holds a whole domain): hold the comment")]
    [StringLength(FieldLengths.SettingsList)]
    [BindRequired]
    public string? HeldEmails { get; set; }

    [Display(Name = "Blocked IP addresses (one per line): mark as spam")]
    [StringLength(FieldLengths.SettingsList)]
    [BindRequired]
    public string? BlockedIps { get; set; }

    [Display(Name = "Close comments on articles older than (days, 0 = never)")]
    [Range(0, 3650, ErrorMessage = "Choose a number from {1} to {2}.")]
    [BindRequired]
    public int AutoCloseAfterDays { get; set; }

    /// <summary>The version that was on screen; a newer saved version means another admin saved in between.</summary>
    [BindRequired]
    public int Version { get; set; }
}
