namespace NewsPortal.IntegrationTests.Features.AdminStaff;

/// <summary>
/// When Identity refuses a change (here: a user validator that rejects any update of a "frozen" account, as a
/// concurrency conflict or a store error would), the admin is told so and nothing says "saved".
/// </summary>
public sealed class StaffAccountFailureTests(StaffAccountFailureTests.Factory factory) : IClassFixture<StaffAccountFailureTests.Factory>
{
    private const string Refusal = "This account cannot be changed right now.";

    public sealed class Factory : NewsPortalFactory
    {
        public Factory()
            : base(StaffSessions.Admin) => ConfigureServices = services =>
            {
                services.AddSingleton(Frozen);
                services.AddScoped<IUserValidator<StaffUser>, FreezingValidator>();
            };

        public FrozenAccounts Frozen { get; } = new();
    }

    public sealed class FrozenAccounts
    {
        public ConcurrentDictionary<string, bool> Emails { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    private sealed class FreezingValidator(FrozenAccounts frozen) : IUserValidator<StaffUser>
    {
        public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user) =>
            Task.FromResult(user.Email is { } email && frozen.Emails.ContainsKey(email)
                ? IdentityResult.Failed(new IdentityError { Code = "Frozen", Description = Refusal })
                : IdentityResult.Success);
    }

    private async Task<(string Id, string Email)> FrozenModeratorAsync()
    {
        var email = $"frozen-{Guid.NewGuid():N}@test.example";
        var id = await factory.CreateStaffAsync(email, Roles.Moderator);
        factory.Frozen.Emails[email] = true;
        return (id, email);
    }

    private static async Task<string> FollowAsync(HttpClient client, HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.SeeOther or HttpStatusCode.Redirect, $"{(int)response.StatusCode}");
        return await (await client.GetAsync(response.Headers.Location)).Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task UpdateRoles_Refused_SaysSoAndKeepsTheRoles()
    {
        var (id, email) = await FrozenModeratorAsync();
        var (admin, roleForm) = await factory.AdminStaffFormAsync(id, "roles");

        var saved = await Html.PostAsync(admin, $"/admin/staff/{id}/roles", Html.FormValues(roleForm).Where(f => f.Key != "roles").Append(new("roles", Roles.Editor)));
        var page = await FollowAsync(admin, saved);

        Assert.DoesNotContain("Roles updated", page, StringComparison.Ordinal);
        Assert.Contains($"The roles of {email} were not saved: {Refusal}", page, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.Equal([Roles.Moderator], await users.GetRolesAsync((await users.FindByIdAsync(id))!));
    }

    [Fact]
    public async Task Disable_Refused_SaysSoAndTheAccountStillSignsIn()
    {
        var (id, email) = await FrozenModeratorAsync();
        var (admin, disable) = await factory.AdminStaffFormAsync(id, "disable");

        var page = await FollowAsync(admin, await Html.SubmitAsync(admin, disable));

        Assert.DoesNotContain($"{email} is disabled", page, StringComparison.Ordinal);
        Assert.Contains($"{email} was not disabled: {Refusal}", page, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsDisabled).SingleAsync()));
    }

    [Fact]
    public async Task ResetPassword_Refused_SaysSoAndTheOldPasswordStillWorks()
    {
        var (id, email) = await FrozenModeratorAsync();
        var (admin, form) = await factory.AdminStaffFormAsync(id, "password");

        var page = await FollowAsync(admin, await Html.SubmitAsync(admin, form, new Dictionary<string, string> { ["NewPassword"] = "a brand new long password" }));

        Assert.DoesNotContain("Password reset for", page, StringComparison.Ordinal);
        Assert.Contains($"The password for {email} was not changed: {Refusal}", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSessions.LogInAsync(factory.Browser(), email)).StatusCode);
    }

    [Fact]
    public async Task Logout_StampRefused_SignsThisBrowserOutAndSaysOtherSessionsLive()
    {
        var (email, _, client) = await factory.SignedInNewStaffAsync("leaver", Roles.Moderator);
        var (_, dashboard) = await Html.GetAsync(client, "/admin");
        factory.Frozen.Emails[email] = true;

        var logout = await Html.SubmitAsync(client, dashboard.QuerySelector<IHtmlFormElement>("form.logout-form")!);
        var page = await FollowAsync(client, logout);

        Assert.Contains("other copies of your session could not be ended", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
    }
}
