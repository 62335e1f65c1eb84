namespace NewsPortal.Web.Features.Account;

public sealed class LoginForm
{
    [Display(Name = "Email")]
    [Required(ErrorMessage = "Please enter your email address.")]
    [StringLength(FieldLengths.StaffEmail)]
    public string? Email { get; set; }

    [Display(Name = "Password")]
    [Required(ErrorMessage = "Please enter your password.")]
    [StringLength(FieldLengths.PasswordMax)]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    /// <summary>Where to go after signing in; followed only when it is a local URL.</summary>
    [StringLength(2000)]
    public string? ReturnUrl { get; set; }
}

public sealed class ChangePasswordForm
{
    [Display(Name = "Current password")]
    [Required(ErrorMessage = "Please enter your current password.")]
    [StringLength(FieldLengths.PasswordMax)]
    [DataType(DataType.Password)]
    public string? CurrentPassword { get; set; }

    [Display(Name = "New password")]
    [Required(ErrorMessage = "Please choose a new password.")]
    [StringLength(FieldLengths.PasswordMax, MinimumLength = FieldLengths.PasswordMin, ErrorMessage = "Use at least {2} characters. A few unrelated words make a strong password.")]
    [DataType(DataType.Password)]
    public string? NewPassword { get; set; }
}
