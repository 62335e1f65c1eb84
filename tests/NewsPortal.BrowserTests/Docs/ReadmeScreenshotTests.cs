namespace NewsPortal.BrowserTests.Docs;

/// <summary>
/// README's two pictures, taken from the running site: an article on a phone and the moderation queue on a desktop.
/// <c>bash build/screenshots.sh</c> runs this with NEWSPORTAL_SCREENSHOTS=docs/images; otherwise they go with the
/// other screenshots under bin/.
/// </summary>
public sealed class ReadmeScreenshotTests(SiteFixture site)
{
    private const string ArticleSlug = "twelve-coastal-nations-sign-pact-to-protect-the-halver-sea";


    private static string Folder => Environment.GetEnvironmentVariable("NEWSPORTAL_SCREENSHOTS") is { Length: > 0 } folder
        ? Directory.CreateDirectory(folder).FullName
        : SiteFixture.OutputFolder;

    [Fact]
    public async Task ArticleOnAPhone_AndTheModerationQueueOnADesktop()
    {
        await using (var phone = await site.NewContextAsync(375, 812))
        {
            var page = await phone.NewPageAsync();
            await page.GotoAsync($"/news/{ArticleSlug}");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, "article.png") });
        }

        await using (var desktop = await site.NewContextAsync(1280, 800))
        {
            var page = await SiteFixture.SignedInPageAsync(desktop, SiteFixture.ModeratorEmail);
            await page.GotoAsync("/admin/comments?status=approved");
            await Assertions.Expect(page.Locator("main table, main .queue").First).ToBeVisibleAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, "moderation.png") });
        }
    }
}
