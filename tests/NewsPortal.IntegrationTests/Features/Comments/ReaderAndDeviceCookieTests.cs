namespace NewsPortal.IntegrationTests.Features.Comments;

/// <summary>The two year-long cookies of docs/security.md's table: their flags, path and lifetime.</summary>
public sealed class ReaderAndDeviceCookieTests(ReaderAndDeviceCookieTests.Factory factory) : IClassFixture<ReaderAndDeviceCookieTests.Factory>
{
    private static readonly TimeSpan AYear = TimeSpan.FromDays(365);

    public sealed class Factory : NewsPortalFactory
    {
        public Factory() => this.WithAdmin();
    }

    /// <summary>The attributes of the cookie the response sets, lowercased, with its Max-Age apart.</summary>
    private static (List<string> Flags, TimeSpan MaxAge) Cookie(HttpResponseMessage response, string name)
    {
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.SingleOrDefault(c => c.StartsWith(name + "=", StringComparison.Ordinal))
            : null;
        Assert.True(cookie is not null, $"The response sets no {name} cookie.");
        var attributes = cookie!.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        var maxAge = attributes.SingleOrDefault(a => a.StartsWith("max-age=", StringComparison.Ordinal));
        Assert.True(maxAge is not null, $"{name} has no Max-Age: {cookie}");
        return ([.. attributes.Where(a => !a.StartsWith("expires=", StringComparison.Ordinal) && a != maxAge).Order(StringComparer.Ordinal)],
            TimeSpan.FromSeconds(long.Parse(maxAge!["max-age=".Length..], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task ReaderId_FromTheReportPage_IsHttpOnlyLaxSiteWideForAYear()
    {
        var (slug, id) = await factory.PublishedCommentAsync();

        var response = await factory.Browser().GetAsync(new Uri($"/news/{slug}/comments/{id}/report", UriKind.Relative));

        var (flags, maxAge) = Cookie(response, ReaderIdCookie.CookieName);
        Assert.Equal(["httponly", "path=/", "samesite=lax", "secure"], flags);
        Assert.Equal(AYear, maxAge);
    }

    [Fact]
    public async Task Device_FromAStaffSignIn_IsHttpOnlyStrictUnderAccountForAYear()
    {
        var response = await StaffSessions.LogInAsync(factory.Browser(), StaffSessions.AdminEmail);

        var (flags, maxAge) = Cookie(response, SignInDevices.CookieName);
        Assert.Equal(["httponly", "path=/account", "samesite=strict", "secure"], flags);
        Assert.Equal(AYear, maxAge);
    }
}
