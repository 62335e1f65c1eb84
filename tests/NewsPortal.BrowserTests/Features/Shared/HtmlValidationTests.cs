using NewsPortal.BrowserTests.TestSupport;

namespace NewsPortal.BrowserTests.Features.Shared;

/// <summary>The HTML the server sends for every quality page, checked by the Nu HTML Checker (see <see cref="PageChecks"/>).</summary>
public sealed class HtmlValidationTests
{
    private readonly SiteFixture _site;

    public HtmlValidationTests(SiteFixture site) => _site = site;

    [Theory]
    [MemberData(nameof(QualityPages.All), MemberType = typeof(QualityPages))]
    public async Task Page_HasNoNuHtmlCheckerErrors(string name, string url, bool signedIn)
    {
        _site.RequireBrowser();
        url = _site.Resolve(url);
        var jar = PageChecks.VnuJar();
        await using var context = await _site.NewContextAsync();
        if (signedIn)
        {
            await SiteFixture.SignedInPageAsync(context, SiteFixture.EditorEmail);
        }

        var response = await context.APIRequest.GetAsync(url);
        await PageChecks.AssertNoHtmlErrorsAsync(jar, await response.TextAsync(), $"{name} ({url})");
    }

}
