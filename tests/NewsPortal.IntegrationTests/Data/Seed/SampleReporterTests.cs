namespace NewsPortal.IntegrationTests.Data.Seed;

/// <summary>The sample reporter account that Development gets with the sample content.</summary>
public sealed class SampleReporterTests(SampleReporterTests.Factory factory) : IClassFixture<SampleReporterTests.Factory>
{
    private const string Email = "reporter@sample.test";

    public sealed class Factory : NewsPortalFactory
    {
        public Factory()
        {
            Settings["Seed:ReporterEmail"] = Email;
            Settings["Seed:ReporterPassword"] = StaffSessions.Password;
        }
    }

    [Fact]
    public async Task SeedReporterSettings_MakeAReporterWhoSignsInToTheirStories_AndCannotOpenTheMediaLibrary()
    {
        var client = factory.Browser();

        var signedIn = await StaffSessions.LogInAsync(client, Email);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.EndsWith("/admin/articles", signedIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var (response, page) = await Html.GetAsync(client, "/admin/articles");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Your stories", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/admin/media", UriKind.Relative))).StatusCode);
    }
}
