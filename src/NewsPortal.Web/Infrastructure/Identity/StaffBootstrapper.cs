namespace NewsPortal.Web.Infrastructure.Identity;

/// <summary>Creates the roles and, when Admin:Email and Admin:Password are both set, the bootstrap administrator.</summary>
public sealed partial class StaffBootstrapper(
    RoleManager<IdentityRole> roles, UserManager<StaffUser> users, NewsDbContext db, IOptions<AdminOptions> admin,
    ILogger<StaffBootstrapper> logger)
{
    private readonly AdminOptions _admin = admin.Value;

    public async Task EnsureAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                // Several instances starting together on a new database race to create the roles; losing is fine.
                var created = await TryAsync(() => roles.CreateAsync(new IdentityRole(role)));
                if (!created.Succeeded && !await roles.RoleExistsAsync(role))
                {
                    Check(created, $"create role {role}");
                }
            }
        }

        if (string.IsNullOrWhiteSpace(_admin.Email) || string.IsNullOrEmpty(_admin.Password))
        {
            return;
        }

        var user = await users.FindByEmailAsync(_admin.Email);
        if (user is null)
        {
            user = new StaffUser { UserName = _admin.Email, Email = _admin.Email, EmailConfirmed = true, DisplayName = "Administrator" };
            var created = await TryAsync(() => users.CreateAsync(user, _admin.Password));
            if (created.Succeeded)
            {
                LogCreated(logger);
            }
            else
            {
                // Another instance may have created it a moment ago.
                user = await users.FindByEmailAsync(_admin.Email);
                if (user is null)
                {
                    Check(created, "create the Admin:Email account (is Admin:Password at least 12 characters?)");
                    return;
                }
            }
        }

        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            // Instances starting together both see the account outside the role; the one that loses is fine.
            var added = await TryAsync(() => users.AddToRoleAsync(user, Roles.Admin));
            if (!added.Succeeded && !await users.IsInRoleAsync(user, Roles.Admin))
            {
                Check(added, "add the Admin:Email account to role Admin");
            }
        }
    }

    /// <summary>
    /// A store that lost a race on a unique index throws rather than failing; both come back as a failure. The row
    /// that lost stays in the stores' change tracker (they share the site's context), where the next save of anything
    /// would try it again and fail the same way: it is dropped.
    /// </summary>
    private async Task<IdentityResult> TryAsync(Func<Task<IdentityResult>> create)
    {
        try
        {
            return await create();
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException ex)
        {
            db.ChangeTracker.Clear();
            return IdentityResult.Failed(new IdentityError { Code = "Conflict", Description = ex.InnerException?.Message ?? ex.Message });
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new Hosting.StartupConfigurationException(
                $"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    // The password is never logged.
    /// <remarks>Without the address: logs never hold an e-mail address.</remarks>
    [LoggerMessage(Level = LogLevel.Information, Message = "Created the bootstrap administrator account (Admin:Email)")]
    private static partial void LogCreated(ILogger logger);
}
