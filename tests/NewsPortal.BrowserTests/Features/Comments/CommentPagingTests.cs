namespace NewsPortal.BrowserTests.Features.Comments;

/// <summary>A long discussion in the browser: comment pages and the reader's chosen order, with and without JavaScript.</summary>
public sealed class CommentPagingTests(SiteFixture site)
{
    private static Task<string> FirstThreadAsync(IPage page) =>
        page.Locator(".comment-list > li.comment > article .comment-body").First.InnerTextAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Reader_PagesThroughComments_AndPicksNewestFirst_WhichIsRemembered(bool javaScript)
    {
        await using var context = await site.NewContextAsync(javaScript: javaScript);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/news/{SiteFixture.LongDiscussionSlug}");

        Assert.Contains("Comments page 1 of 3", await page.Locator(".comment-pager").InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("Thread 1:", await FirstThreadAsync(page), StringComparison.Ordinal);

        await page.NavigatesToAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Later comments" }).ClickAsync(), url => url.Contains("cpage=2", StringComparison.Ordinal));
        Assert.StartsWith("Thread 6:", await FirstThreadAsync(page), StringComparison.Ordinal);

        await page.NavigatesToAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Newest first" }).ClickAsync(), url => url.Contains("csort=newest", StringComparison.Ordinal));
        Assert.StartsWith($"Thread {SiteFixture.LongDiscussionThreads}:", await FirstThreadAsync(page), StringComparison.Ordinal);

        // Remembered: the plain article URL now opens newest first.
        await page.GotoAsync($"/news/{SiteFixture.LongDiscussionSlug}");
        Assert.StartsWith($"Thread {SiteFixture.LongDiscussionThreads}:", await FirstThreadAsync(page), StringComparison.Ordinal);
        Assert.Equal("Newest first", await page.Locator(".comment-sort strong").InnerTextAsync());
    }

    [Fact]
    public async Task Keyboard_ReachesThePagerLinks()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/news/{SiteFixture.LongDiscussionSlug}");

        await page.Locator(".comment-pager a[rel=next]").FocusAsync();
        await page.NavigatesToAsync(() => page.Keyboard.PressAsync("Enter"), url => url.Contains("cpage=2", StringComparison.Ordinal));
        Assert.Contains("Comments page 2 of 3", await page.Locator(".comment-pager").InnerTextAsync(), StringComparison.Ordinal);
    }
}
