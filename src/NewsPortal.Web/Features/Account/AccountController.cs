namespace NewsPortal.Web.Features.Account;

[Route("account")]
public sealed class AccountController(
    SignInManager<StaffUser> signIn, UserManager<StaffUser> users, SignInAccountThrottle throttle, DummyPasswordHash dummyHash, SignInDevices devices) : Controller
{
    /// <summary>One message for every failure, so the form never reveals whether an email has an account.</summary>
    public const string FailedMessage = "That email and password do not match an active account, or the account is locked. Please try again later.";

    /// <summary>Said for any address that had too many attempts, whether or not it has an account.</summary>
    public static string TooManyAttemptsMessage(int minutes) =>
        $"There have been too many sign-in attempts for this email address. Please try again in {minutes} {(minutes == 1 ? "minute" : "minutes")}.";


    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) =>
        View(new LoginForm { ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null });

    [HttpPost("login")]
    [EnableRateLimiting(SignInRateLimiting.PolicyName)]
    public async Task<IActionResult> Login(LoginForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var device = devices.DeviceOf(Request, form.Email!);
        if (await throttle.TryAttemptAsync(form.Email!, device, cancellationToken) is { } wait)
        {
            return TooManyAttempts(form, wait);
        }

        var user = await users.FindByEmailAsync(form.Email!);
        if (user is null || user.IsDisabled || await users.IsLockedOutAsync(user))
        {
            // Identity would answer these without hashing anything; spend the same time as a real check.
            dummyHash.Verify(users.PasswordHasher, form.Password!);
            ModelState.AddModelError(string.Empty, FailedMessage);
            return View(form);
        }

        // No lockout on failure: a lock anyone can trigger by guessing keeps the owner out; the throttle above slows
        // guessing down instead, per client. A lock set by hand (LockoutEnd) is still honoured above.
        var result = await signIn.PasswordSignInAsync(user, form.Password!, isPersistent: false, lockoutOnFailure: false);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, FailedMessage);
            return View(form);
        }

        devices.Remember(HttpContext, form.Email!, device);

        if (Url.IsLocalUrl(form.ReturnUrl))
        {
            return Redirect(LocalRedirects.Encode(form.ReturnUrl));
        }

        // Editors have no dashboard (it is the moderators'); they start at their articles.
        var roles = await users.GetRolesAsync(user);
        return Redirect(roles.Contains(Roles.Admin) || roles.Contains(Roles.Moderator) ? "/admin" : "/admin/articles");
    }

    private ViewResult TooManyAttempts(LoginForm form, TimeSpan wait)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        Response.Headers.RetryAfter = ((int)Math.Ceiling(Math.Max(1, wait.TotalSeconds))).ToString(System.Globalization.CultureInfo.InvariantCulture);
        ModelState.AddModelError(string.Empty, TooManyAttemptsMessage(minutes));
        form.Password = null;
        var view = View(form);
        view.StatusCode = StatusCodes.Status429TooManyRequests;
        return view;
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            // A new stamp invalidates every copy of the old cookie, not just this browser's.
            var result = await users.UpdateSecurityStampAsync(user);
            if (!result.Succeeded)
            {
                await signIn.SignOutAsync();
                TempData["Warning"] = "You are signed out in this browser, but other copies of your session could not be ended. Change your password to end them.";
                return Redirect("/account/login");
            }
        }

        await signIn.SignOutAsync();
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

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, form.CurrentPassword!, form.NewPassword!);
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
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = "Your password has been changed. Other sessions have been signed out.";
        return Redirect("/account/password");
    }
}
