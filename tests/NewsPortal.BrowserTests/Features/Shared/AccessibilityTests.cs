namespace NewsPortal.BrowserTests.Features.Shared;

/// <summary>axe-core in Chromium, with every rule on: zero violations on the pages readers and staff use.</summary>
public sealed class AccessibilityTests(SiteFixture site)
{
    [Theory]
    [MemberData(nameof(QualityPages.All), MemberType = typeof(QualityPages))]
    public async Task Page_HasNoAxeViolations(string name, string url, bool signedIn)
    {
        site.RequireBrowser();
        url = site.Resolve(url);
        await using var context = await site.NewContextAsync();
        var page = signedIn ? await SiteFixture.SignedInPageAsync(context, SiteFixture.EditorEmail) : await context.NewPageAsync();
        await page.GotoAsync(url);

        await PageChecks.AssertNoAxeViolationsAsync(page, $"{name} ({url})");
    }
}
