namespace NewsPortal.Web.Features.AdminStaff;

public sealed class NewStaffForm
{
    [Display(Name = "Email")]
    [Required(ErrorMessage = "Please enter their email address.")]
    [StringLength(FieldLengths.StaffEmail)]
    [RegularExpression(Comments.CommentForm.EmailPattern, ErrorMessage = "That does not look like an email address.")]
    [Comments.MailAddress(ErrorMessage = "That does not look like an email address.")]
    public string? Email { get; set; }

    [Display(Name = "Display name")]
    [Required(ErrorMessage = "Please enter the name readers see on staff replies.")]
    [StringLength(FieldLengths.StaffDisplayName)]
    public string? DisplayName { get; set; }

    [Display(Name = "First password (give it to them privately; they can change it)")]
    [Required(ErrorMessage = "Please choose a first password.")]
    [StringLength(FieldLengths.PasswordMax, MinimumLength = FieldLengths.PasswordMin, ErrorMessage = "Use at least {2} characters.")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    public List<string> Roles { get; set; } = [];
}

public sealed class ResetPasswordForm
{
    [Display(Name = "New password")]
    [Required(ErrorMessage = "Please choose a new password.")]
    [StringLength(FieldLengths.PasswordMax, MinimumLength = FieldLengths.PasswordMin, ErrorMessage = "Use at least {2} characters.")]
    [DataType(DataType.Password)]
    public string? NewPassword { get; set; }
}

public sealed record StaffMember(string Id, string Email, string? DisplayName, IReadOnlyList<string> Roles, bool IsDisabled, bool IsLockedOut);

public sealed class StaffPageViewModel
{
    public IReadOnlyList<StaffMember> Staff { get; init; } = [];
    public NewStaffForm NewStaff { get; init; } = new();
}
