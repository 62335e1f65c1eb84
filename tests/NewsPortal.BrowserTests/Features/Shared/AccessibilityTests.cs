namespace NewsPortal.BrowserTests.Features.Shared;

/// <summary>axe-core in Chromium, with every rule on: zero violations on the pages readers and staff use.</summary>
public sealed class AccessibilityTests(SiteFixture site)
{
    [Theory]
    [MemberData(nameof(QualityPages.All), MemberType = typeof(QualityPages))]
    public async Task Page_HasNoAxeViolations(string name, string url, bool signedIn)
    {
        await using var visit = await QualityPages.VisitAsync(site, url, signedIn);
        await visit.Page.GotoAsync(visit.Url);
        visit.AssertStillSignedIn(visit.Page.Url);

        await PageChecks.AssertNoAxeViolationsAsync(visit.Page, $"{name} ({visit.Url})");
    }
}
