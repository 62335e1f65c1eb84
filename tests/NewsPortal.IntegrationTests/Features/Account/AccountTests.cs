namespace NewsPortal.IntegrationTests.Features.Account;

public sealed class AccountTests(AccountTests.Factory factory) : IClassFixture<AccountTests.Factory>
{
    public sealed class Factory : NewsPortalFactory
    {
        public Factory() => this.WithAdmin();
    }

    [Fact]
    public async Task Startup_WithAdminSettings_CreatesTheAdminInRoleAdmin()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();

        var admin = await users.FindByEmailAsync(StaffSessions.AdminEmail);

        Assert.NotNull(admin);
        Assert.True(await users.IsInRoleAsync(admin!, Roles.Admin));
    }

    [Fact]
    public async Task Login_BootstrapAdmin_LandsOnTheDashboard()
    {
        var client = factory.Browser();

        var response = await StaffSessions.LogInAsync(client, StaffSessions.AdminEmail);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(StaffIdentityExtensions.AuthCookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData(StaffSessions.AdminEmail, "not the password at all")]
    [InlineData("nobody@test.example", StaffSessions.Password)]
    public async Task Login_Failure_SaysTheSameWhetherOrNotTheEmailExists(string email, string password)
    {
        var response = await StaffSessions.LogInAsync(factory.Browser(), email, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(AccountController.FailedMessage, page.QuerySelector(".form-errors li")!.TextContent.Trim());
    }

    [Fact]
    public async Task Login_ManyWrongPasswords_NeverLockTheAccount()
    {
        // Anyone can type wrong passwords for an address; a lock that follows from them would keep the owner out.
        // Guessing is slowed by the per-account and per-client throttles instead (SignInHardeningTests).
        var email = $"lockme-{Guid.NewGuid():N}@test.example";
        await factory.CreateStaffAsync(email, Roles.Moderator);
        var client = factory.Browser();

        for (var i = 0; i < 8; i++)
        {
            await StaffSessions.LogInAsync(client, email, "wrong password number " + i);
        }

        var response = await StaffSessions.LogInAsync(client, email);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var lockoutEnd = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());
        Assert.Null(lockoutEnd);
    }

    [Theory]
    [InlineData("https://evil.example/steal", "/admin")]
    [InlineData("//evil.example/steal", "/admin")]
    [InlineData("/admin/comments?status=spam", "/admin/comments?status=spam")]
    public async Task Login_ReturnUrl_IsFollowedOnlyWhenLocal(string returnUrl, string expected)
    {
        var response = await StaffSessions.LogInAsync(factory.Browser(), StaffSessions.AdminEmail, returnUrl: returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Logout_OldCookieNoLongerWorks()
    {
        var email = $"leaver-{Guid.NewGuid():N}@test.example";
        await factory.CreateStaffAsync(email, Roles.Moderator);
        var client = factory.Browser();
        var login = await StaffSessions.LogInAsync(client, email);
        var stolenCookie = login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(StaffIdentityExtensions.AuthCookieName, StringComparison.Ordinal));

        var (_, dashboard) = await Html.GetAsync(client, "/admin");
        var logout = await Html.SubmitAsync(client, dashboard.QuerySelector<IHtmlFormElement>("form.logout-form")!);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        var replay = factory.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/admin", UriKind.Relative));
        request.Headers.Add("Cookie", stolenCookie);
        var response = await replay.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoleRemoval_TakesEffectOnTheNextRequest()
    {
        var (_, id, moderator) = await factory.SignedInNewStaffAsync("demoted", Roles.Moderator);
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync(new Uri("/admin/comments", UriKind.Relative))).StatusCode);

        var (admin, roleForm) = await factory.AdminStaffFormAsync(id, "roles");
        var fields = Html.FormValues(roleForm).Where(f => f.Key != "roles").ToList();
        var saved = await Html.PostAsync(admin, $"/admin/staff/{id}/roles", fields);
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await moderator.GetAsync(new Uri("/admin/comments", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task DisabledAccount_CannotSignInAndItsSessionEnds()
    {
        var (email, id, moderator) = await factory.SignedInNewStaffAsync("disabled", Roles.Moderator);

        var (admin, disable) = await factory.AdminStaffFormAsync(id, "disable");
        await Html.SubmitAsync(admin, disable);

        Assert.Equal(HttpStatusCode.Redirect, (await moderator.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await StaffSessions.LogInAsync(factory.Browser(), email)).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_EndsOtherSessions_AndAcceptsLongPasswordsWithoutCompositionRules()
    {
        var (email, _, laptop) = await factory.SignedInNewStaffAsync("rotate", Roles.Moderator);
        var phone = await factory.SignedInAsync(email);

        var (_, page) = await Html.GetAsync(laptop, "/account/password");
        var form = page.QuerySelector<IHtmlFormElement>("main form.stack-form")!;
        var tooShort = await Html.SubmitAsync(laptop, form, new Dictionary<string, string> { ["CurrentPassword"] = StaffSessions.Password, ["NewPassword"] = "short one" });
        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        Assert.Contains("at least 12 characters", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var changed = await Html.SubmitAsync(laptop, form, new Dictionary<string, string> { ["CurrentPassword"] = StaffSessions.Password, ["NewPassword"] = "all lowercase words only" });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSessions.LogInAsync(factory.Browser(), email, "all lowercase words only")).StatusCode);
    }

    [Fact]
    public async Task AdminPost_WithoutAntiforgeryToken_Returns400()
    {
        var admin = await factory.SignedInAsync(StaffSessions.AdminEmail);

        var response = await Html.PostAsync(admin, "/admin/comments/1/approve", [new("version", "0")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
