namespace NewsPortal.BrowserTests.Features.Shared;

/// <summary>The HTML the server sends for every quality page, checked by the Nu HTML Checker (see <see cref="NuHtmlChecker"/>).</summary>
public sealed class HtmlValidationTests(SiteFixture site, NuHtmlChecker nu)
{
    [Theory]
    [MemberData(nameof(QualityPages.All), MemberType = typeof(QualityPages))]
    public async Task Page_HasNoNuHtmlCheckerErrors(string name, string url, bool signedIn)
    {
        NuHtmlChecker.Require();
        await using var visit = await QualityPages.VisitAsync(site, url, signedIn);

        // The page as the server sent it (the context's cookies go with the request), not the browser's DOM.
        var response = await visit.Context.APIRequest.GetAsync(visit.Url);
        visit.AssertStillSignedIn(response.Url);
        await nu.AssertNoErrorsAsync(await response.TextAsync(), $"{name} ({visit.Url})");
    }
}
