using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using NewsPortal.Web.Data;
using NewsPortal.Web.Infrastructure.Identity;

namespace NewsPortal.Web.Features.Account;

[Route("account")]
public sealed class AccountController : Controller
{
    /// <summary>One message for every failure, so the form never reveals whether an email has an account.</summary>
    public const string FailedMessage = "That email and password do not match an active account, or the account is locked. Please try again later.";

    private readonly SignInManager<StaffUser> _signIn;
    private readonly UserManager<StaffUser> _users;

    public AccountController(SignInManager<StaffUser> signIn, UserManager<StaffUser> users)
    {
        _signIn = signIn;
        _users = users;
    }

    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) =>
        View(new LoginForm { ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null });

    [HttpPost("login")]
    [EnableRateLimiting(SignInRateLimiting.PolicyName)]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await _users.FindByEmailAsync(form.Email!);
        if (user is null || user.IsDisabled)
        {
            ModelState.AddModelError(string.Empty, FailedMessage);
            return View(form);
        }

        var result = await _signIn.PasswordSignInAsync(user, form.Password!, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, FailedMessage);
            return View(form);
        }

        if (Url.IsLocalUrl(form.ReturnUrl))
        {
            return LocalRedirect(form.ReturnUrl);
        }

        // Editors have no dashboard (it is the moderators'); they start at their articles.
        var roles = await _users.GetRolesAsync(user);
        return Redirect(roles.Contains(Roles.Admin) || roles.Contains(Roles.Moderator) ? "/admin" : "/admin/articles");
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        if (await _users.GetUserAsync(User) is { } user)
        {
            // A new stamp invalidates every copy of the old cookie, not just this browser's.
            await _users.UpdateSecurityStampAsync(user);
        }

        await _signIn.SignOutAsync();
        return Redirect("/");
    }

    [Authorize]
    [HttpGet("password")]
    public IActionResult Password() => View(new ChangePasswordForm());

    [Authorize]
    [HttpPost("password")]
    public async Task<IActionResult> Password(ChangePasswordForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await _users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await _users.ChangePasswordAsync(user, form.CurrentPassword!, form.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == "PasswordMismatch" ? nameof(form.CurrentPassword) : nameof(form.NewPassword);
                ModelState.AddModelError(field, error.Code == "PasswordMismatch" ? "That is not your current password." : error.Description);
            }

            return View(form);
        }

        // Changing the password changed the security stamp: sign this browser in again; every other session ends.
        await _signIn.RefreshSignInAsync(user);
        TempData["Flash"] = "Your password has been changed. Other sessions have been signed out.";
        return Redirect("/account/password");
    }
}
