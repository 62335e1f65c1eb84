using System.ComponentModel.DataAnnotations;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.AdminSettings;

public sealed class CommentSettingsForm
{
    [Display(Name = "Hold every new comment for moderation (pre-moderation)")]
    public bool PreModeration { get; set; }

    [Display(Name = "Publish at once when the email already has an approved comment")]
    public bool AutoApprovePreviouslyApproved { get; set; }

    [Display(Name = "Hold a comment with more links than")]
    [Range(0, 100, ErrorMessage = "Choose a number from {1} to {2}.")]
    public int MaxLinks { get; set; }

    [Display(Name = "Moderation keywords (one per line): hold the comment")]
    [StringLength(FieldLengths.SettingsList)]
    public string? ModerationKeywords { get; set; }

    [Display(Name = "Blocked words (one per line): mark as spam")]
    [StringLength(FieldLengths.SettingsList)]
    public string? BlockedWords { get; set; }

    [Display(Name = "Blocked emails (one per line; @domain blocks a whole domain): mark as spam")]
    [StringLength(FieldLengths.SettingsList)]
    public string? BlockedEmails { get; set; }

    [Display(Name = "Blocked IP addresses (one per line): mark as spam")]
    [StringLength(FieldLengths.SettingsList)]
    public string? BlockedIps { get; set; }

    [Display(Name = "Close comments on articles older than (days, 0 = never)")]
    [Range(0, 3650, ErrorMessage = "Choose a number from {1} to {2}.")]
    public int AutoCloseAfterDays { get; set; }

    /// <summary>The version that was on screen; a newer saved version means another admin saved in between.</summary>
    public int Version { get; set; }
}
