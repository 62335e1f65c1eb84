namespace NewsPortal.BrowserTests.Features.AdminArticles.Revisions;

/// <summary>Two editors in two browsers on one story, and an editor reading a diff between revisions.</summary>
public sealed class RevisionsJourneyTests(SiteFixture site)
{
    private const string SecondEditor = "second.editor@browser.test";

    private async Task<int> DraftStoryAsync(string headline)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByEmailAsync(SecondEditor) is null)
        {
            var user = new StaffUser { UserName = SecondEditor, Email = SecondEditor, EmailConfirmed = true, DisplayName = "Ana Ruiz" };
            await users.CreateAsync(user, SiteFixture.Password);
            await users.AddToRolesAsync(user, [Roles.Editor]);
        }

        var article = await SiteContent.ArticleAsync(
            scope.ServiceProvider.GetRequiredService<NewsDbContext>(), $"two-editors-{Guid.NewGuid():N}", headline,
            "The standfirst both editors start from.", "<p>The text both editors start from.</p>");
        return article.Id;
    }

    [Fact]
    public async Task TwoBrowsers_EditOneStory_TheSecondSeesTheConflictWithNothingLost_AndKeepsTheirs()
    {
        var id = await DraftStoryAsync("Two editors, one story");
        var edit = $"/admin/articles/{id}/edit";
        await using var anaContext = await site.NewContextAsync();
        await using var benContext = await site.NewContextAsync(375, 800);
        var ana = await SiteFixture.SignedInPageAsync(anaContext, SecondEditor);
        var ben = await SiteFixture.SignedInPageAsync(benContext, SiteFixture.EditorEmail);

        await ana.GotoAsync(edit);
        await ana.WaitForSelectorAsync(ArticleEditorPage.EditorSelector);

        // Ana's page has sent its first heartbeat; Ben opens the story and is told she is in it.
        await Assertions.Expect(ana.Locator("#editing-presence")).ToBeHiddenAsync();
        await ben.GotoAsync(edit);
        await Assertions.Expect(ben.Locator("#editing-presence")).ToContainTextAsync("Ana Ruiz is editing (since ");
        await ben.WaitForSelectorAsync(ArticleEditorPage.EditorSelector);

        // Ana saves first.
        await ana.FillAsync("#Headline", "Ana's headline for the story");
        await ana.NavigatesToAsync(() => ana.ClickAsync("button[value=savedraft]"), url => url.EndsWith(edit, StringComparison.Ordinal));

        // Ben, who opened the same version, writes and saves: he gets his text back and the conflict.
        await ben.FillAsync("#Standfirst", "Ben's standfirst, written at the same time.");
        await ben.ClickAsync(ArticleEditorPage.EditorSelector);
        await ben.Keyboard.PressAsync("End");
        await ben.Keyboard.TypeAsync(" Ben adds a sentence.");
        await ben.LoadsNewDocumentAsync(() => ben.ClickAsync("button[value=savedraft]"));
        var panel = ben.Locator(".conflict-panel");
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await Assertions.Expect(panel.Locator("h2")).ToContainTextAsync("Ana Ruiz saved this story at");
        await Assertions.Expect(panel.Locator("ins").First).ToBeVisibleAsync();
        Assert.Equal("Ben's standfirst, written at the same time.", await ben.InputValueAsync("#Standfirst"));
        Assert.Equal("Two editors, one story", await ben.InputValueAsync("#Headline"));
        await Assertions.Expect(ben.Locator(".newsroom-editor-content")).ToContainTextAsync("Ben adds a sentence.");
        await ben.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.OutputFolder, "conflict-375.png"), FullPage = true });
        Assert.Equal("Ana's headline for the story", await StoredAsync(id, a => a.Headline));

        // Ben keeps his: his text is saved and Ana's stays in the revisions.
        await ben.NavigatesToAsync(() => ben.ClickAsync(".conflict-panel button[value=savedraft]"), url => url.EndsWith(edit, StringComparison.Ordinal));
        await Assertions.Expect(ben.Locator(".conflict-panel")).ToHaveCountAsync(0);
        Assert.Equal("Ben's standfirst, written at the same time.", await StoredAsync(id, a => a.Standfirst));
        Assert.Contains("Ben adds a sentence.", await StoredAsync(id, a => a.BodyHtml), StringComparison.Ordinal);
        await using var scope = site.Services.CreateAsyncScope();
        var revisions = await scope.ServiceProvider.GetRequiredService<NewsDbContext>().ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == id).OrderBy(r => r.Id).Select(r => new { r.Headline, r.CreatedByName, r.Reason }).ToListAsync();
        Assert.Equal(2, revisions.Count);
        Assert.Equal(("Ana's headline for the story", "Ana Ruiz"), (revisions[0].Headline, revisions[0].CreatedByName));
        Assert.Equal(RevisionReason.KeptOverConflict, revisions[1].Reason);
    }

    [Fact]
    public async Task Editor_ReadsTheDiffBetweenTwoChosenRevisions()
    {
        var id = await DraftStoryAsync("Council debates the budget");
        var edit = $"/admin/articles/{id}/edit";
        await using var context = await site.NewContextAsync();
        var page = await SiteFixture.SignedInPageAsync(context, SiteFixture.EditorEmail);
        await page.GotoAsync(edit);
        await page.WaitForSelectorAsync(ArticleEditorPage.EditorSelector);
        await page.NavigatesToAsync(() => page.ClickAsync("button[value=savedraft]"), url => url.EndsWith(edit, StringComparison.Ordinal));
        await page.FillAsync("#Headline", "Council passes the budget");
        await page.ClickAsync(ArticleEditorPage.EditorSelector);
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.TypeAsync(" The vote was close.");
        await page.NavigatesToAsync(() => page.ClickAsync("button[value=savedraft]"), url => url.EndsWith(edit, StringComparison.Ordinal));

        await page.NavigatesToAsync(() => page.ClickAsync("text=Revisions: history, compare and restore"), url => url.EndsWith($"/admin/articles/{id}/revisions", StringComparison.Ordinal));
        var rows = page.Locator(".revisions-table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);

        // Oldest in "From", newest in "To", as a person would pick them.
        await rows.Nth(1).Locator("input[name=from]").CheckAsync();
        await rows.Nth(0).Locator("input[name=to]").CheckAsync();
        await page.NavigatesToAsync(() => page.ClickAsync("text=Compare the chosen revisions"), url => url.Contains("from=", StringComparison.Ordinal) && url.Contains("to=", StringComparison.Ordinal));
        var diff = page.Locator(".revision-diff");
        await Assertions.Expect(diff.Locator("del").Filter(new LocatorFilterOptions { HasText = "debates" })).ToBeVisibleAsync();
        await Assertions.Expect(diff.Locator("ins").Filter(new LocatorFilterOptions { HasText = "passes" })).ToBeVisibleAsync();
        await Assertions.Expect(diff.Locator(".diff-body ins")).ToContainTextAsync("The vote was close.");
        foreach (var width in new[] { 375, 1280 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.OutputFolder, $"revisions-{width}.png"), FullPage = true });
        }
    }

    [Fact]
    public async Task Autosave_KeepsWhatIsTyped_AndAfterTheBrowserIsGone_TheEditorOffersItBack()
    {
        var id = await DraftStoryAsync("Autosave in the browser");
        var edit = $"/admin/articles/{id}/edit";
        await using (var crashed = await site.NewContextAsync())
        {
            var page = await SiteFixture.SignedInPageAsync(crashed, SecondEditor);
            await page.GotoAsync(edit);
            await page.WaitForSelectorAsync(ArticleEditorPage.EditorSelector);
            await page.ClickAsync(ArticleEditorPage.EditorSelector);
            await page.Keyboard.PressAsync("End");
            await page.Keyboard.TypeAsync(" Typed just before the crash.");

            // The autosave interval is 15 s by default; the status line says when the slot was written.
            await Assertions.Expect(page.Locator("#autosave-status")).ToContainTextAsync("Your unsaved changes were kept at", new() { Timeout = 45_000 });
        }

        Assert.Equal("<p>The text both editors start from.</p>", await StoredAsync(id, a => a.BodyHtml));
        await using var next = await site.NewContextAsync();
        var again = await SiteFixture.SignedInPageAsync(next, SecondEditor);
        await again.GotoAsync(edit);
        await Assertions.Expect(again.Locator(".autosave-offer h2")).ToContainTextAsync("Restore your unsaved changes from");
        await again.NavigatesToAsync(() => again.ClickAsync(".autosave-offer a.button"), url => url.EndsWith("?restore=autosave", StringComparison.Ordinal));
        await Assertions.Expect(again.Locator(".newsroom-editor-content")).ToContainTextAsync("Typed just before the crash.");
    }

    private async Task<string> StoredAsync(int id, System.Linq.Expressions.Expression<Func<Article, string>> field)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NewsDbContext>().Articles.AsNoTracking().Where(a => a.Id == id).Select(field).SingleAsync();
    }
}
