namespace NewsPortal.IntegrationTests.Features.Errors;

/// <summary>Malformed sign-in posts: never a 5xx, no error logged, nobody signed in.</summary>
public sealed class BadSignInTests(BadInputTestBase.Site site) : BadInputTestBase(site), IClassFixture<BadInputTestBase.Site>
{
    private static readonly Dictionary<string, Func<List<KeyValuePair<string, string>>, HttpContent>> MalformedSignIns = new()
    {
        ["NUL in the email"] = f => Raw(Encoded(f).Replace("Email=", "Email=%00", StringComparison.Ordinal)),
        ["2,000 fields"] = f => Form(f, string.Concat(Enumerable.Range(0, 2000).Select(i => $"&f{i}=x"))),
        ["a key over 2,048 characters"] = f => Form(f, $"&{new string('k', 3000)}=v"),
        ["a value over 4 MB"] = f => Form(f, $"&Password={new string('v', (4 * 1024 * 1024) + 10)}"),
        ["multipart cut off before its end"] = f => WithType(Multipart(f)[..^40], "multipart/form-data; boundary=cut-boundary"),
        ["text/plain"] = f => new StringContent(Encoded(f), Encoding.UTF8, "text/plain"),
        ["CR LF in the return address"] = f => Form(With(f, "ReturnUrl", "/admin\r\nSet-Cookie: injected=1"), string.Empty),
        ["a return address over 20,000 characters"] = f => Form(With(f, "ReturnUrl", "/" + Long), string.Empty),
    };

    public static TheoryData<string> MalformedSignInCases => [.. MalformedSignIns.Keys];

    [Theory]
    [MemberData(nameof(MalformedSignInCases))]
    public async Task SignIn_Malformed_IsNeverA5xxAndSignsNobodyIn(string malformation)
    {
        var client = _site.Browser();
        var (_, page) = await Html.GetAsync(client, "/account/login");
        var fields = Html.FormValues(page.QuerySelector<IHtmlFormElement>("main form")!, new Dictionary<string, string>
        {
            // Not a staff account: failed attempts on a real one would lock it for the admin tests.
            ["Email"] = "nobody@example.com",
            ["Password"] = "not the password",
        });
        using var content = MalformedSignIns[malformation](fields);

        var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), content);

        AssertNo5xx(response, malformation);
        var (admin, _) = await Html.GetAsync(client, "/admin");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
    }
}
