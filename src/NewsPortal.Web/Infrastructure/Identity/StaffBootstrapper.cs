using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;

namespace NewsPortal.Web.Infrastructure.Identity;

/// <summary>Creates the roles and, when Admin:Email and Admin:Password are both set, the bootstrap administrator.</summary>
public sealed partial class StaffBootstrapper
{
    private readonly RoleManager<IdentityRole> _roles;
    private readonly UserManager<StaffUser> _users;
    private readonly AdminOptions _admin;
    private readonly ILogger<StaffBootstrapper> _logger;

    public StaffBootstrapper(
        RoleManager<IdentityRole> roles, UserManager<StaffUser> users, IOptions<AdminOptions> admin, ILogger<StaffBootstrapper> logger)
    {
        _roles = roles;
        _users = users;
        _admin = admin.Value;
        _logger = logger;
    }

    public async Task EnsureAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await _roles.RoleExistsAsync(role))
            {
                Check(await _roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

        if (string.IsNullOrWhiteSpace(_admin.Email) || string.IsNullOrEmpty(_admin.Password))
        {
            return;
        }

        var user = await _users.FindByEmailAsync(_admin.Email);
        if (user is null)
        {
            user = new StaffUser { UserName = _admin.Email, Email = _admin.Email, EmailConfirmed = true, DisplayName = "Administrator" };
            Check(await _users.CreateAsync(user, _admin.Password), "create the Admin:Email account (is Admin:Password at least 12 characters?)");
            LogCreated(_logger, _admin.Email);
        }

        if (!await _users.IsInRoleAsync(user, Roles.Admin))
        {
            Check(await _users.AddToRoleAsync(user, Roles.Admin), "add the Admin:Email account to role Admin");
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
    [LoggerMessage(Level = LogLevel.Information, Message = "Created the bootstrap administrator {Email}")]
    private static partial void LogCreated(ILogger logger, string email);
}
