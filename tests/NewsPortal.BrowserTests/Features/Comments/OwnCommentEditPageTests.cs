namespace NewsPortal.BrowserTests.Features.Comments;

/// <summary>
/// The author's edit page exists only for the browser that posted the comment (its cookie lists the comment), so it
/// cannot sit in the fixed list of <see cref="QualityPages"/>: this test posts a comment, follows "Edit or delete" and
/// checks the page with axe and the Nu HTML checker.
/// </summary>
public sealed class OwnCommentEditPageTests(SiteFixture site)
{
    [Fact]
    public async Task EditPage_ReachedFromTheAuthorsOwnComment_HasNoAxeViolationsAndNoHtmlErrors()
    {
        site.RequireBrowser();
        var jar = PageChecks.VnuJar();
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.ClickAsync(".latest .card-title a >> nth=4");
        await page.WaitForSelectorAsync("#comments form.comment-form");
        await page.FillAsync("#Body", "Browser test: a comment its author will want to fix.");
        await page.FillAsync("#Name", "Quick Fixer");
        await page.FillAsync("#Email", "fixer@browser.test");
        await page.ClickAsync("#comments button[type=submit]");
        await page.WaitForSelectorAsync("#comments .notice-success");

        await page.NavigatesToAsync(() => page.ClickAsync("#comments a.edit-link"), url => url.EndsWith("/edit", StringComparison.Ordinal));
        Assert.Contains("a comment its author will want to fix", await page.InputValueAsync("textarea"), StringComparison.Ordinal);

        await PageChecks.AssertNoAxeViolationsAsync(page, $"The edit page ({page.Url})");

        // The page as the server sent it (the context's cookies go with the request), not the browser's DOM.
        var html = await (await context.APIRequest.GetAsync(page.Url)).TextAsync();
        await PageChecks.AssertNoHtmlErrorsAsync(jar, html, $"The edit page ({page.Url})");
    }
}
