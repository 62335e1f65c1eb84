namespace NewsPortal.IntegrationTests.Infrastructure.Mvc;

/// <summary>
/// Everything under /admin is for staff by default: every endpoint the site maps there carries a staff policy, and a
/// controller someone adds without an [Authorize] (<see cref="ForgottenAdminProbeController"/>) is closed all the same.
/// </summary>
public sealed partial class StaffAreaTests(StaffAreaTests.Factory factory) : IClassFixture<StaffAreaTests.Factory>
{
    private static readonly string[] StaffPolicies = [Policies.Staff, Policies.Moderation, Policies.Newsroom, Policies.Administration];

    public sealed class Factory : NewsPortalFactory
    {
        public Factory() => ConfigureServices = services =>
            services.AddControllers().PartManager.ApplicationParts.Add(new AssemblyPart(typeof(ForgottenAdminProbeController).Assembly));
    }

    private List<RouteEndpoint> AdminEndpoints() =>
        [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && Regex.IsMatch(raw.TrimStart('~', '/'), "^admin(/|$)", RegexOptions.IgnoreCase))];

    [Fact]
    public void EveryEndpointUnderAdmin_RequiresAStaffPolicyAndNoneIsAnonymous()
    {
        var endpoints = AdminEndpoints();

        Assert.Contains(endpoints, e => e.RoutePattern.RawText!.TrimStart('/') == "admin/probe");
        Assert.True(endpoints.Count >= 20, $"Only {endpoints.Count} endpoints under /admin were found.");
        Assert.All(endpoints, endpoint =>
        {
            var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            Assert.True(
                authorize.Any(a => StaffPolicies.Contains(a.Policy)),
                $"{endpoint.DisplayName} ({endpoint.RoutePattern.RawText}) has no staff policy.");
            Assert.Null(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
        });
    }

    [Fact]
    public async Task AnonymousGet_ToEveryPageUnderAdmin_RedirectsToTheLoginPage()
    {
        var pages = AdminEndpoints()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) == true)
            .Select(e => "/" + RouteParameter().Replace(e.RoutePattern.RawText!.TrimStart('/'), "1"))
            .Distinct()
            .ToList();
        Assert.Contains("/admin/probe", pages);
        var client = factory.CreateNoRedirectClient();

        foreach (var page in pages)
        {
            var response = await client.GetAsync(new Uri(page, UriKind.Relative));

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{page}: {(int)response.StatusCode}");
            Assert.StartsWith("http://localhost/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ControllerWithoutAuthorize_SignedInWithoutAStaffRole_Is403()
    {
        var email = $"norole-{Guid.NewGuid():N}@test.example";
        await factory.CreateStaffAsync(email);
        var client = await factory.SignedInAsync(email);

        var response = await client.GetAsync(new Uri("/admin/probe", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ControllerWithoutAuthorize_Staff_GetsThePage()
    {
        var (_, _, client) = await factory.SignedInNewStaffAsync("editor", Roles.Editor);

        var response = await client.GetAsync(new Uri("/admin/probe", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("staff only", await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}

/// <summary>An admin controller whose author forgot [Authorize]: what the convention is there for.</summary>
[Route("admin/probe")]
public sealed class ForgottenAdminProbeController : Controller
{
    [HttpGet("")]
    public IActionResult Index() => Content("staff only");
}
