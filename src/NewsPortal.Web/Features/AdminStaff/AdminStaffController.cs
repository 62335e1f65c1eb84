namespace NewsPortal.Web.Features.AdminStaff;

/// <summary>Staff accounts: create, roles, password reset, disable. Admin only. There is no public registration.</summary>
[Authorize(Policy = Policies.Administration)]
[Route("admin/staff")]
public sealed class AdminStaffController(UserManager<StaffUser> users, NewsDbContext db) : Controller
{
    private readonly UserManager<StaffUser> _users = users;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new StaffPageViewModel { Staff = await StaffAsync(cancellationToken) });

    [HttpPost("")]
    public async Task<IActionResult> Create([Bind(Prefix = "NewStaff")] NewStaffForm form, CancellationToken cancellationToken)
    {
        var roles = form.Roles.Where(r => Infrastructure.Identity.Roles.All.Contains(r)).Distinct().ToList();
        if (ModelState.IsValid && await _users.FindByEmailAsync(form.Email!) is not null)
        {
            ModelState.AddModelError("NewStaff.Email", "There is already an account with that email.");
        }

        if (ModelState.IsValid)
        {
            var user = new StaffUser { UserName = form.Email, Email = form.Email, EmailConfirmed = true, DisplayName = form.DisplayName!.Trim() };
            var created = await _users.CreateAsync(user, form.Password!);
            if (created.Succeeded)
            {
                var roled = roles.Count > 0 ? await _users.AddToRolesAsync(user, roles) : IdentityResult.Success;
                if (!roled.Succeeded)
                {
                    TempData["Warning"] = $"Account created for {form.Email}, but its roles were not saved: {Describe(roled)} Set them below.";
                    return new SeeOtherResult("/admin/staff");
                }

                TempData["Flash"] = $"Account created for {form.Email}.";
                return new SeeOtherResult("/admin/staff");
            }

            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? "NewStaff.Password" : string.Empty, error.Description);
            }
        }

        form.Password = null;
        return View("Index", new StaffPageViewModel { Staff = await StaffAsync(cancellationToken), NewStaff = form });
    }

    [HttpPost("{id}/roles")]
    public async Task<IActionResult> UpdateRoles(string id, [FromForm] string[]? roles)
    {
        var user = await _users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var wanted = (roles ?? []).Where(r => Infrastructure.Identity.Roles.All.Contains(r)).ToHashSet();
        if (user.Id == _users.GetUserId(User) && !wanted.Contains(Infrastructure.Identity.Roles.Admin))
        {
            TempData["Warning"] = "You cannot remove your own Admin role; ask another admin.";
            return new SeeOtherResult("/admin/staff");
        }

        var current = await _users.GetRolesAsync(user);
        var removed = await _users.RemoveFromRolesAsync(user, current.Except(wanted));
        var added = removed.Succeeded ? await _users.AddToRolesAsync(user, wanted.Except(current)) : removed;

        // A role removal must take effect on the account's very next request, also when only part of it was saved.
        var stamped = await _users.UpdateSecurityStampAsync(user);
        var failed = new[] { added, stamped }.FirstOrDefault(r => !r.Succeeded);
        if (failed is not null)
        {
            TempData["Warning"] = $"The roles of {user.Email} were not saved: {Describe(failed)} The list below shows what is stored now.";
            return new SeeOtherResult("/admin/staff");
        }

        TempData["Flash"] = $"Roles updated for {user.Email}.";
        return new SeeOtherResult("/admin/staff");
    }

    [HttpPost("{id}/password")]
    public async Task<IActionResult> ResetPassword(string id, ResetPasswordForm form)
    {
        var user = await _users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            TempData["Warning"] = $"The new password for {user.Email} must be at least 12 characters.";
            return new SeeOtherResult("/admin/staff");
        }

        var token = await _users.GeneratePasswordResetTokenAsync(user);
        var result = await _users.ResetPasswordAsync(user, token, form.NewPassword!);
        if (!result.Succeeded)
        {
            TempData["Warning"] = $"The password for {user.Email} was not changed: {Describe(result)}";
            return new SeeOtherResult("/admin/staff");
        }

        var unlocked = await _users.SetLockoutEndDateAsync(user, null);
        if (unlocked.Succeeded)
        {
            unlocked = await _users.ResetAccessFailedCountAsync(user);
        }

        TempData[unlocked.Succeeded ? "Flash" : "Warning"] = unlocked.Succeeded
            ? $"Password reset for {user.Email}. Their other sessions have ended."
            : $"Password reset for {user.Email} and their other sessions have ended, but the account could not be unlocked: {Describe(unlocked)}";
        return new SeeOtherResult("/admin/staff");
    }

    [HttpPost("{id}/disable")]
    public Task<IActionResult> Disable(string id) => SetDisabledAsync(id, disabled: true);

    [HttpPost("{id}/enable")]
    public Task<IActionResult> Enable(string id) => SetDisabledAsync(id, disabled: false);

    private async Task<IActionResult> SetDisabledAsync(string id, bool disabled)
    {
        var user = await _users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (disabled && user.Id == _users.GetUserId(User))
        {
            TempData["Warning"] = "You cannot disable your own account.";
            return new SeeOtherResult("/admin/staff");
        }

        user.IsDisabled = disabled;

        // UpdateSecurityStampAsync saves the flag with the new stamp, which ends every session of a disabled account
        // at its next request (the session check also refuses disabled accounts outright).
        var result = await _users.UpdateSecurityStampAsync(user);
        TempData[result.Succeeded ? "Flash" : "Warning"] = result.Succeeded
            ? $"{user.Email} is {(disabled ? "disabled" : "enabled")}."
            : $"{user.Email} was not {(disabled ? "disabled" : "enabled")}: {Describe(result)}";
        return new SeeOtherResult("/admin/staff");
    }

    private static string Describe(IdentityResult result) =>
        string.Join(" ", result.Errors.Select(e => e.Description.TrimEnd('.') + "."));

    private async Task<List<StaffMember>> StaffAsync(CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        return users.Select(u => new StaffMember(
                u.Id,
                u.Email ?? u.UserName ?? u.Id,
                u.DisplayName,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(n => n).ToList(),
                u.IsDisabled,
                u.LockoutEnd > now))
            .ToList();
    }
}
