namespace NewsPortal.BrowserTests.Features.AdminArticles;

/// <summary>A video address alone on a line becomes an embed that loads nothing from the video site until the reader plays it.</summary>
public sealed partial class ArticleEditorEmbedTests(SiteFixture site)
{
    [Fact]
    public async Task VideoAddressAloneOnALine_BecomesAnEmbed_ThatAsksNothingOfTheVideoSiteUntilTheReaderPlaysIt()
    {
        await using var context = await site.NewContextAsync();
        var (page, problems) = await OpenAsync(context, "/admin/articles/new");
        var headline = $"Video {Guid.NewGuid():N}"[..24];
        await FillRequiredAsync(page, headline, "With a video.");
        await page.FocusAsync(EditorSelector);
        await page.Keyboard.TypeAsync("Watch the reopening:");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("https://youtu.be/dQw4w9WgXcQ");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("After the video.");
        await page.NavigatesToAsync(() => page.ClickAsync("button[value=publish]"), EditAddress());
        Assert.Equal(
            "<p>Watch the reopening:</p><figure class=\"embed\" data-embed=\"youtube\" data-id=\"dQw4w9WgXcQ\">" +
            "<a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\" rel=\"noopener\">Watch the video on YouTube</a></figure><p>After the video.</p>",
            await StoredBodyAsync(site, headline));
        var slug = (await page.GetAttributeAsync("a:has-text('View on the site')", "href"))!;

        await using var readerContext = await site.NewContextAsync();
        var reader = await readerContext.NewPageAsync();
        var videoRequests = new List<string>();
        // Nothing here may reach the real video site; the route records and refuses.
        await reader.RouteAsync(VideoSite(), route =>
        {
            videoRequests.Add(route.Request.Url);
            return route.FulfillAsync(new RouteFulfillOptions { Status = 204 });
        });
        var readerProblems = WatchConsole(reader);
        await reader.GotoAsync(slug);
        var play = reader.Locator(".article-body figure.embed button.embed-play");
        await Assertions.Expect(play).ToHaveTextAsync("Play video");
        await Assertions.Expect(reader.Locator(".article-body iframe")).ToHaveCountAsync(0);
        Assert.Empty(videoRequests);
        await PageChecks.AssertNoAxeViolationsAsync(reader, "The article with a video");
        await reader.Locator(".article-body figure.embed").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(SiteFixture.OutputFolder, "embed-poster.png") });

        await play.FocusAsync();
        await reader.Keyboard.PressAsync("Enter");
        var frame = reader.Locator(".article-body figure.embed iframe");
        await Assertions.Expect(frame).ToHaveAttributeAsync("src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0");
        await Assertions.Expect(frame).ToHaveAttributeAsync("title", "Video from YouTube");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (videoRequests.Count == 0 && DateTime.UtcNow < deadline)
        {
            await reader.WaitForTimeoutAsync(100);
        }

        Assert.True(videoRequests.Count > 0 && videoRequests.All(u => u.StartsWith("https://www.youtube-nocookie.com/", StringComparison.Ordinal)), $"Requests to video sites after the click: {string.Join(", ", videoRequests)}");
        Assert.Empty(problems);
        Assert.Empty(readerProblems);
    }

    [GeneratedRegex(@"^https://([a-z0-9-]+\.)*(youtube\.com|youtube-nocookie\.com|youtu\.be|ytimg\.com|vimeo\.com|vimeocdn\.com)/")]
    private static partial Regex VideoSite();
}
