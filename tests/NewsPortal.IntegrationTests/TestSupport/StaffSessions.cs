namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>Staff accounts and signed-in browsers for admin tests. The auth cookie is Secure, so clients use https.</summary>
public static class StaffSessions
{
    public const string AdminEmail = "admin@test.example";
    public const string Password = "correct horse battery staple";

    /// <summary>The settings that make the site create its Admin account at start.</summary>
    public static readonly (string Key, string? Value)[] Admin = [("Admin:Email", AdminEmail), ("Admin:Password", Password)];

    public static NewsPortalFactory WithAdmin(this NewsPortalFactory factory) => factory.WithSettings(Admin);

    public static HttpClient Browser(this NewsPortalFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    public static async Task<string> CreateStaffAsync(this NewsPortalFactory factory, string email, params string[] roles)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0] };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        if (roles.Length > 0)
        {
            await users.AddToRolesAsync(user, roles);
        }

        return user.Id;
    }

    /// <summary>A new account with a unique address starting <paramref name="name"/>, signed in: its address, its id and the browser.</summary>
    public static async Task<(string Email, string Id, HttpClient Client)> SignedInNewStaffAsync(this NewsPortalFactory factory, string name, string role)
    {
        var email = $"{name}-{Guid.NewGuid():N}@test.example";
        var id = await factory.CreateStaffAsync(email, role);
        return (email, id, await factory.SignedInAsync(email));
    }

    /// <summary>Posts the login form as a browser does; returns the response (a redirect on success).</summary>
    public static async Task<HttpResponseMessage> LogInAsync(HttpClient client, string email, string password = Password, string? returnUrl = null)
    {
        var (_, page) = await Html.GetAsync(client, "/account/login" + (returnUrl is null ? string.Empty : $"?returnUrl={Uri.EscapeDataString(returnUrl)}"));
        var form = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!;
        var values = new Dictionary<string, string> { ["Email"] = email, ["Password"] = password };
        if (returnUrl is not null)
        {
            values["ReturnUrl"] = returnUrl;
        }

        return await Html.SubmitAsync(client, form, values);
    }

    /// <summary>The admin signed in, with the form on the staff page that does <paramref name="action"/> to one account.</summary>
    public static async Task<(HttpClient Admin, IHtmlFormElement Form)> AdminStaffFormAsync(this NewsPortalFactory factory, string userId, string action)
    {
        var admin = await factory.SignedInAsync(AdminEmail);
        var (_, staffPage) = await Html.GetAsync(admin, "/admin/staff");
        return (admin, staffPage.QuerySelector<IHtmlFormElement>($"form[action='/admin/staff/{userId}/{action}']")!);
    }

    public static async Task<HttpClient> SignedInAsync(this NewsPortalFactory factory, string email)
    {
        var client = factory.Browser();
        var response = await LogInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
