namespace NewsPortal.BrowserTests.Features.Shared;

/// <summary>The HTML the server sends for every quality page, checked by the Nu HTML Checker (see <see cref="PageChecks"/>).</summary>
public sealed class HtmlValidationTests(SiteFixture site)
{
    [Theory]
    [MemberData(nameof(QualityPages.All), MemberType = typeof(QualityPages))]
    public async Task Page_HasNoNuHtmlCheckerErrors(string name, string url, bool signedIn)
    {
        site.RequireBrowser();
        url = site.Resolve(url);
        var jar = PageChecks.VnuJar();
        await using var context = await site.NewContextAsync();
        if (signedIn)
        {
            await SiteFixture.SignedInPageAsync(context, SiteFixture.EditorEmail);
        }

        var response = await context.APIRequest.GetAsync(url);
        await PageChecks.AssertNoHtmlErrorsAsync(jar, await response.TextAsync(), $"{name} ({url})");
    }

}
