namespace NewsPortal.BrowserTests.Features.AdminArticles;

/// <summary>
/// Review in Chromium: a reporter writes and submits, an editor sends the story back with a note, the reporter
/// changes it and submits again, the editor reads the diff and publishes it; and the reporter's own pages checked by axe and Nu.
/// </summary>
public sealed class ReviewJourneyTests(SiteFixture site, NuHtmlChecker nu)
{
    [Fact]
    public async Task ReporterSubmits_EditorSendsBack_ReporterResubmits_EditorPublishes()
    {
        await using var reporterContext = await site.NewContextAsync();
        await using var editorContext = await site.NewContextAsync();
        var reporter = await SiteFixture.SignedInPageAsync(reporterContext, SiteFixture.ReporterEmail);
        var editor = await SiteFixture.SignedInPageAsync(editorContext, SiteFixture.EditorEmail);
        var headline = $"Reporter journey {Guid.NewGuid():N}"[..30];

        // The reporter writes a story: no publish or schedule button, a note for the editor, Submit for review.
        await reporter.GotoAsync("/admin/articles/new");
        await reporter.WaitForSelectorAsync(EditorSelector);
        Assert.Equal(0, await reporter.Locator("button[value=publish], button[value=schedule]").CountAsync());
        await FillRequiredAsync(reporter, headline, "The council votes on the bridge tonight.");
        await reporter.FocusAsync(EditorSelector);
        await reporter.Keyboard.TypeAsync("The vote is at seven.");
        await reporter.FillAsync("#ReviewNote", "First draft, quotes to follow.");
        await reporter.NavigatesToAsync(() => reporter.ClickAsync("button[value=submit]"), EditAddress().IsMatch);
        var storyUrl = reporter.Url;
        Assert.Contains("Ready for review", await reporter.TextContentAsync(".review-block"), StringComparison.Ordinal);
        Assert.Equal(0, await reporter.Locator("form.article-editor").CountAsync());

        // The editor finds it in the queue and sends it back with a note.
        await editor.GotoAsync("/admin/articles?status=review");
        await editor.NavigatesToAsync(() => editor.GetByRole(AriaRole.Link, new() { Name = headline }).ClickAsync(), u => u == storyUrl);
        Assert.Contains("First draft, quotes to follow.", await editor.TextContentAsync(".review-block"), StringComparison.Ordinal);
        await editor.FillAsync("#send-back-note", "Add a quote from the council leader.");
        await editor.NavigatesToAsync(() => editor.ClickAsync(".send-back-form button[type=submit]"), u => u == storyUrl);
        Assert.Contains("Sent back", await editor.TextContentAsync(".notice-success"), StringComparison.Ordinal);

        // The reporter sees the note, changes the story and submits it again.
        await reporter.GotoAsync(storyUrl);
        await reporter.WaitForSelectorAsync(EditorSelector);
        Assert.Contains("Add a quote from the council leader.", await reporter.TextContentAsync(".review-block"), StringComparison.Ordinal);
        await reporter.FocusAsync(EditorSelector);
        await reporter.Keyboard.PressAsync("End");
        await reporter.Keyboard.TypeAsync(" \u201cWe will build it,\u201d the leader said.");
        await reporter.FillAsync("#ReviewNote", "Quote added.");
        await reporter.NavigatesToAsync(() => reporter.ClickAsync("button[value=submit]"), u => u == storyUrl);
        Assert.Contains("Quote added.", await reporter.TextContentAsync(".review-block"), StringComparison.Ordinal);

        // The editor reads what changed since the first submission (the word diff of the revisions), then publishes
        // it; readers see it.
        await editor.GotoAsync(storyUrl[..^"/edit".Length] + "/revisions");
        var revisions = editor.Locator(".revisions-table tbody tr");
        await revisions.Last.Locator("input[name=from]").CheckAsync();
        await revisions.First.Locator("input[name=to]").CheckAsync();
        await editor.NavigatesToAsync(() => editor.ClickAsync("text=Compare the chosen revisions"), u => u.Contains("from=", StringComparison.Ordinal));
        await Assertions.Expect(editor.Locator(".revision-diff .diff-body ins").Filter(new LocatorFilterOptions { HasText = "build it" })).ToBeVisibleAsync();
        await editor.GotoAsync(storyUrl);
        await editor.WaitForSelectorAsync(EditorSelector);
        Assert.Contains("Quote added.", await editor.TextContentAsync(".review-block"), StringComparison.Ordinal);
        await editor.NavigatesToAsync(() => editor.ClickAsync("button[value=publish]"), u => u == storyUrl);
        Assert.Contains("Published", await editor.TextContentAsync(".notice-success"), StringComparison.Ordinal);
        var reader = await editorContext.NewPageAsync();
        var slug = await editor.InputValueAsync("#Slug");
        var response = await reader.GotoAsync($"/news/{slug}");
        Assert.Equal(200, response!.Status);
        Assert.Contains("We will build it", await reader.TextContentAsync(".article-body"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task ReporterPages_HaveNoAxeViolationsOrHtmlErrors_AndNoSidewaysScrolling(int width)
    {
        NuHtmlChecker.Require();
        await using var context = await site.NewContextAsync(width);
        var page = await SiteFixture.SignedInPageAsync(context, SiteFixture.ReporterEmail);
        foreach (var (name, url) in new[] { ("your stories", "/admin/articles"), ("your story waiting for review", $"/admin/articles/{site.ReviewStoryId}/edit"), ("dashboard", "/admin"), ("new story", "/admin/articles/new") })
        {
            await page.GotoAsync(url);
            await PageChecks.AssertNoAxeViolationsAsync(page, $"{name} at {width}px");
            await page.ScreenshotAsync(new() { Path = Path.Combine(SiteFixture.OutputFolder, $"reporter-{name.Replace(' ', '-')}-{width}.png"), FullPage = true });
            var wide = await page.EvaluateAsync<string>(
                "document.documentElement.scrollWidth <= window.innerWidth + 1 ? '' : document.documentElement.scrollWidth + ': ' + [...document.querySelectorAll('body *')]" +
                ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)" +
                ".map(e => e.tagName + '.' + e.className + '(' + Math.round(e.getBoundingClientRect().right) + ',' + getComputedStyle(e).overflowX + ')').join(', ')");
            Assert.True(wide.Length == 0, $"{name} scrolls sideways at {width}px; the page is {wide}");

            var html = await (await context.APIRequest.GetAsync(url)).TextAsync();
            await nu.AssertNoErrorsAsync(html, name);
        }
    }
}
