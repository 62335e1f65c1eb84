using NewsPortal.BrowserTests.TestSupport;

namespace NewsPortal.BrowserTests.Features.Shared;

/// <summary>axe-core in Chromium, with every rule on: zero violations on the pages readers and staff use.</summary>
public sealed class AccessibilityTests
{
    private readonly SiteFixture _site;

    public AccessibilityTests(SiteFixture site) => _site = site;

    [Theory]
    [MemberData(nameof(QualityPages.All), MemberType = typeof(QualityPages))]
    public async Task Page_HasNoAxeViolations(string name, string url, bool signedIn)
    {
        _site.RequireBrowser();
        url = _site.Resolve(url);
        await using var context = await _site.NewContextAsync();
        var page = signedIn ? await SiteFixture.SignedInPageAsync(context, SiteFixture.EditorEmail) : await context.NewPageAsync();
        await page.GotoAsync(url);

        await PageChecks.AssertNoAxeViolationsAsync(page, $"{name} ({url})");
    }
}
