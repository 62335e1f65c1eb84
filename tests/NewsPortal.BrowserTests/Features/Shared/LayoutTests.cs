namespace NewsPortal.BrowserTests.Features.Shared;

/// <summary>Phone and desktop: no sideways scrolling, and screenshots for a person to look at.</summary>
public sealed class LayoutTests(SiteFixture site)
{
    public static TheoryData<string, string, bool> Pages => new()
    {
        { "front", "/", false },
        { "article", "/news/twelve-coastal-nations-sign-pact-to-protect-the-halver-sea", false },
        { "long discussion", $"/news/{SiteFixture.LongDiscussionSlug}", false },
        { "queue", "/admin/comments?status=approved", true },
        { "author", "/author/maren-holloway", false },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_AtPhoneAndDesktopWidths_HasNoHorizontalScrolling(string name, string url, bool signedIn)
    {
        foreach (var width in new[] { 375, 1280 })
        {
            await using var context = await site.NewContextAsync(width, 800);
            var page = signedIn ? await SiteFixture.SignedInPageAsync(context, SiteFixture.ModeratorEmail) : await context.NewPageAsync();
            await page.GotoAsync(url);

            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= width, $"{url} at {width}px scrolls sideways: content is {scrollWidth}px wide.");

            var path = Path.Combine(SiteFixture.OutputFolder, $"{name}-{width}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            Assert.True(new FileInfo(path).Length > 10_000, $"{path} looks empty.");
        }
    }
}
