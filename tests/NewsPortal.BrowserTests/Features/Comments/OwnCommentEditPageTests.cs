namespace NewsPortal.BrowserTests.Features.Comments;

/// <summary>
/// The author's edit page exists only for the browser that posted the comment (its cookie lists the comment), so it
/// cannot sit in the fixed list of <see cref="QualityPages"/>: this test posts a comment, follows "Edit or delete" and
/// checks the page with axe and the Nu HTML checker.
/// </summary>
public sealed class OwnCommentEditPageTests(SiteFixture site, NuHtmlChecker nu)
{
    [Fact]
    public async Task EditPage_ReachedFromTheAuthorsOwnComment_HasNoAxeViolationsAndNoHtmlErrors()
    {
        NuHtmlChecker.Require();
        await using var reader = await StoryReader.OpenAsync(site, "/", ".latest", 4);
        var page = reader.Page;
        await reader.FillCommentAsync("Browser test: a comment its author will want to fix.", "Quick Fixer", "fixer@browser.test");
        await reader.SendCommentAsync();

        await page.NavigatesToAsync(() => page.ClickAsync("#comments a.edit-link"), url => url.EndsWith("/edit", StringComparison.Ordinal));
        Assert.Contains("a comment its author will want to fix", await page.InputValueAsync("textarea"), StringComparison.Ordinal);

        await PageChecks.AssertNoAxeViolationsAsync(page, $"The edit page ({page.Url})");

        // The page as the server sent it (the context's cookies go with the request), not the browser's DOM.
        var html = await (await reader.Context.APIRequest.GetAsync(page.Url)).TextAsync();
        await nu.AssertNoErrorsAsync(html, $"The edit page ({page.Url})");
    }
}
