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

    /// <summary>The check above can fail: a page with a stray end tag is refused, naming the error and its line.</summary>
    [Fact]
    public async Task Checker_RefusesAPageWithAStrayEndTag_NamingTheError()
    {
        NuHtmlChecker.Require();
        const string broken = "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Broken</title></head>\n<body><p>One<div>two</p></div></body></html>";

        var failure = await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => nu.AssertNoErrorsAsync(broken, "a broken page"));
        Assert.Contains("a broken page has HTML errors", failure.Message, StringComparison.Ordinal);
        Assert.Contains("line 3: No “p” element in scope but a “p” end tag seen.", failure.Message, StringComparison.Ordinal);
    }
}
