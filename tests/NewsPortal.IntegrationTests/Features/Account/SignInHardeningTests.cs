namespace NewsPortal.IntegrationTests.Features.Account;

/// <summary>Sign-in as an attacker probes it: redirects, throttles, timing, and the session cookie afterwards.</summary>
public sealed class SignInHardeningTests(SignInHardeningTests.Factory factory) : IClassFixture<SignInHardeningTests.Factory>
{
    private const int AccountLimit = 3;

    public sealed class Factory : NewsPortalFactory
    {
        public Factory()
        {
            Settings["SignIn:AttemptsPerQuarterHourPerAccount"] = AccountLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ConfigureServices = services =>
            {
                services.AddSingleton(Verifications);
                services.AddScoped<IPasswordHasher<StaffUser>>(sp => new CountingHasher(
                    new PasswordHasher<StaffUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>()), sp.GetRequiredService<VerificationCounter>()));
            };
        }

        public VerificationCounter Verifications { get; } = new();
    }

    public sealed class VerificationCounter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);
    }

    /// <summary>The site's own hasher, counting how many password checks it computes.</summary>
    private sealed class CountingHasher(IPasswordHasher<StaffUser> inner, VerificationCounter counter) : IPasswordHasher<StaffUser>
    {
        public string HashPassword(StaffUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
        {
            counter.Add();
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private async Task<string> NewModeratorAsync()
    {
        var email = $"mod-{Guid.NewGuid():N}@test.example";
        await factory.CreateStaffAsync(email, Roles.Moderator);
        return email;
    }

    /// <summary>A client from its own IP address, so only the per-account limit can apply.</summary>
    private HttpClient BrowserFrom(string ip)
    {
        var client = factory.Browser();
        client.DefaultRequestHeaders.Add(NewsPortalFactory.PeerHeader, ip);
        return client;
    }

    [Theory]
    [InlineData("/admin/café", "/admin/caf%C3%A9")]
    [InlineData("/admin/comments?q=naïve résumé", "/admin/comments?q=na%C3%AFve%20r%C3%A9sum%C3%A9")]
    [InlineData("/admin/comments?q=%C3%A9t%C3%A9", "/admin/comments?q=%C3%A9t%C3%A9")]
    public async Task Login_NonAsciiReturnUrl_RedirectsToThePercentEncodedAddress(string returnUrl, string expected)
    {
        var email = await NewModeratorAsync();

        var response = await StaffSessions.LogInAsync(factory.Browser(), email, returnUrl: returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Login_OneAddressFromManyClients_Gets429WithRetryAfterAndAFriendlyMessage()
    {
        var email = await NewModeratorAsync();
        var other = await NewModeratorAsync();

        for (var i = 0; i < AccountLimit; i++)
        {
            // Different clients and spellings of the address: one account all the same.
            var attempt = await StaffSessions.LogInAsync(BrowserFrom($"198.51.100.{i + 1}"), i % 2 == 0 ? email.ToUpperInvariant() : email, "wrong password " + i);
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }

        var throttled = await StaffSessions.LogInAsync(BrowserFrom("198.51.100.99"), " " + email + " ");

        Assert.Equal((HttpStatusCode)429, throttled.StatusCode);
        var retryAfter = int.Parse(throttled.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 15 * 60);
        var page = await Html.ParseAsync(throttled);
        Assert.StartsWith("There have been too many sign-in attempts for this email address.", page.QuerySelector(".form-errors li")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector<IHtmlFormElement>("main form"));

        // Another address is not affected.
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSessions.LogInAsync(BrowserFrom("198.51.100.99"), other)).StatusCode);
    }

    [Fact]
    public async Task Login_AttackerUsesUpTheAccountsAttempts_OwnersUsualBrowserStillSignsIn()
    {
        var email = await NewModeratorAsync();
        var owner = BrowserFrom("192.0.2.10");
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSessions.LogInAsync(owner, email)).StatusCode);
        var (_, dashboard) = await Html.GetAsync(owner, "/admin");
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(owner, dashboard.QuerySelector<IHtmlFormElement>("form.logout-form")!)).StatusCode);

        // The owner's first sign-in, from a browser the account did not know yet, was one of the unrecognised
        // clients' attempts; the attacker uses up the rest.
        var attacker = BrowserFrom("203.0.113.66");
        for (var i = 0; i < AccountLimit - 1; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await StaffSessions.LogInAsync(attacker, email, "guess " + i)).StatusCode);
        }

        Assert.Equal((HttpStatusCode)429, (await StaffSessions.LogInAsync(attacker, email, "one more guess")).StatusCode);

        // The owner's browser, with the device cookie its last sign-in left, now on another network.
        owner.DefaultRequestHeaders.Remove(NewsPortalFactory.PeerHeader);
        owner.DefaultRequestHeaders.Add(NewsPortalFactory.PeerHeader, "198.51.100.200");
        var signedIn = await StaffSessions.LogInAsync(owner, email);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"The owner's browser got {(int)signedIn.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);

        // The attacker, and a copied device cookie of another account, are still throttled.
        Assert.Equal((HttpStatusCode)429, (await StaffSessions.LogInAsync(attacker, email)).StatusCode);
        var otherAccountsDevice = BrowserFrom("203.0.113.67");
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSessions.LogInAsync(otherAccountsDevice, await NewModeratorAsync())).StatusCode);
        Assert.Equal((HttpStatusCode)429, (await StaffSessions.LogInAsync(otherAccountsDevice, email, "guess with a device of another account")).StatusCode);
    }

    [Fact]
    public async Task Login_UnknownAddress_IsThrottledLikeAnAccount()
    {
        var email = $"nobody-{Guid.NewGuid():N}@test.example";
        for (var i = 0; i < AccountLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await StaffSessions.LogInAsync(BrowserFrom($"203.0.113.{i + 1}"), email, "guess " + i)).StatusCode);
        }

        var throttled = await StaffSessions.LogInAsync(BrowserFrom("203.0.113.99"), email, "one more guess");

        Assert.Equal((HttpStatusCode)429, throttled.StatusCode);
        Assert.True(throttled.Headers.Contains("Retry-After"));
    }

    public static TheoryData<string> Accounts => new() { "known", "unknown", "disabled", "locked" };

    /// <summary>
    /// Response time must not tell an attacker which addresses are staff. The cost of a sign-in is the password
    /// hash (about 100 ms); every kind of address computes exactly one, so none answers faster than the others.
    /// </summary>
    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task Login_WrongPassword_ComputesOnePasswordHashWhetherOrNotTheAccountExists(string account)
    {
        var email = $"{account}-{Guid.NewGuid():N}@test.example";
        if (account != "unknown")
        {
            await factory.CreateStaffAsync(email, Roles.Moderator);
        }

        if (account == "disabled")
        {
            await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDisabled, true)));
        }
        else if (account == "locked")
        {
            await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(10))));
        }

        var client = BrowserFrom("192.0.2.10");
        var (_, page) = await Html.GetAsync(client, "/account/login");
        var form = page.QuerySelector<IHtmlFormElement>("main form")!;
        var before = factory.Verifications.Count;

        var response = await Html.SubmitAsync(client, form, new Dictionary<string, string> { ["Email"] = email, ["Password"] = "not the password" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, factory.Verifications.Count - before);
    }

    [Fact]
    public async Task SignedInRequest_DoesNotReissueTheAuthCookie()
    {
        var client = await factory.SignedInAsync(await NewModeratorAsync());

        var first = await client.GetAsync(new Uri("/admin", UriKind.Relative));
        var second = await client.GetAsync(new Uri("/admin/comments", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        foreach (var response in new[] { first, second })
        {
            var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
            Assert.DoesNotContain(cookies, c => c.StartsWith(StaffIdentityExtensions.AuthCookieName + "=", StringComparison.Ordinal));
        }
    }
}
