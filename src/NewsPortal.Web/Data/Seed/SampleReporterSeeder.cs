namespace NewsPortal.Web.Data.Seed;

/// <summary>
/// The sample reporter account (<c>Seed:ReporterEmail</c>, <c>Seed:ReporterPassword</c>), so a newcomer can try
/// writing and submitting a story. Made once; an existing account is left as it is (its password, its roles).
/// </summary>
public sealed class SampleReporterSeeder(UserManager<StaffUser> users, IOptions<SeedOptions> options)
{
    private readonly SeedOptions _options = options.Value;

    public async Task EnsureAsync()
    {
        if (string.IsNullOrWhiteSpace(_options.ReporterEmail) || string.IsNullOrEmpty(_options.ReporterPassword)
            || await users.FindByEmailAsync(_options.ReporterEmail) is not null)
        {
            return;
        }

        var user = new StaffUser { UserName = _options.ReporterEmail, Email = _options.ReporterEmail, EmailConfirmed = true, DisplayName = "Sample Reporter" };
        try
        {
            var created = await users.CreateAsync(user, _options.ReporterPassword);
            if (!created.Succeeded)
            {
                // Another instance starting at the same moment made it, or the password is too short: say which.
                if (await users.FindByEmailAsync(_options.ReporterEmail) is not null)
                {
                    return;
                }

                throw new Infrastructure.Hosting.StartupConfigurationException(
                    $"Could not create the Seed:ReporterEmail account: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // Lost a race with another instance on the unique e-mail index: theirs is the account.
            if (await users.FindByEmailAsync(_options.ReporterEmail) is not null)
            {
                return;
            }

            throw;
        }

        await users.AddToRoleAsync(user, Roles.Reporter);
    }
}
