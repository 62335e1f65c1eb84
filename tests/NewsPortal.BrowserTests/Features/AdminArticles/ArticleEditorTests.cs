namespace NewsPortal.BrowserTests.Features.AdminArticles;

/// <summary>
/// The article editor (wwwroot/lib/newsroom-editor, built from src/NewsPortal.Web/ClientApp/editor) in Chromium,
/// under the site's real Content-Security-Policy: writing by keyboard, its toolbar, how its page looks, and without
/// JavaScript.
/// </summary>
public sealed class ArticleEditorTests(SiteFixture site)
{
    [Fact]
    public async Task Editor_ByKeyboardOnly_WritesAHeadingAListAndALink_AndTheReaderSeesThem()
    {
        await using var context = await site.NewContextAsync();
        var (page, problems) = await OpenAsync(context, "/admin/articles/new");
        var headline = $"Harbour reopens {Guid.NewGuid():N}"[..32];

        // Start in the headline field; from there on, only keys.
        await page.FocusAsync("#Headline");
        await page.Keyboard.TypeAsync(headline);
        await page.Keyboard.PressAsync("Tab"); // slug
        await page.Keyboard.PressAsync("Tab"); // standfirst
        await page.Keyboard.TypeAsync("The quay is open again after the storm.");
        await page.Keyboard.PressAsync("Tab"); // the toolbar: one tab stop
        Assert.Equal("H2 heading", await FocusedLabelAsync(page));
        await page.Keyboard.PressAsync("Tab"); // the editing area
        Assert.Equal("textbox", await page.EvaluateAsync<string>("document.activeElement.getAttribute('role')"));

        await page.Keyboard.TypeAsync("What happened");
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal("H2 heading", await FocusedLabelAsync(page));
        await page.Keyboard.PressAsync("Enter"); // makes the line a heading and returns to the text
        await Assertions.Expect(page.Locator("[aria-label='H2 heading']")).ToHaveAttributeAsync("aria-pressed", "true");
        await TextHasFocusAsync(page);
        await KeysAsync(page, "End", "Enter");
        await page.Keyboard.TypeAsync("Boats are back.");
        await page.Keyboard.PressAsync("Enter");

        await BulletedListAsync(page, "Ferries run", "Roads open");

        await page.Keyboard.TypeAsync("Read the harbour report");
        for (var i = 0; i < 2; i++)
        {
            await page.Keyboard.PressAsync("Control+Shift+ArrowLeft");
        }

        await ToolbarButtonAsync(page, "Link");
        await Assertions.Expect(page.Locator("dialog[open]")).ToBeVisibleAsync();
        await page.Keyboard.TypeAsync("https://example.org/harbour-report");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("dialog")).ToHaveCountAsync(0);
        await TextHasFocusAsync(page);

        await PublishByKeyboardAsync(page);

        var slug = (await page.GetAttributeAsync("a:has-text('View on the site')", "href"))!;
        await using var readerContext = await site.NewContextAsync();
        var reader = await readerContext.NewPageAsync();
        await reader.GotoAsync(slug);
        await Assertions.Expect(reader.Locator(".article-body h2")).ToHaveTextAsync("What happened");
        await Assertions.Expect(reader.Locator(".article-body ul > li")).ToHaveTextAsync(["Ferries run", "Roads open"]);
        var link = reader.Locator(".article-body a[href='https://example.org/harbour-report']");
        await Assertions.Expect(link).ToHaveTextAsync("harbour report");
        Assert.Equal("noopener", await link.GetAttributeAsync("rel"));

        var stored = await StoredBodyAsync(site, headline);
        Assert.Equal(
            "<h2>What happened</h2><p>Boats are back.</p><ul><li><p>Ferries run</p></li><li><p>Roads open</p></li></ul>" +
            "<p>Read the <a href=\"https://example.org/harbour-report\" rel=\"noopener\">harbour report</a></p>",
            stored);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Toolbar_ArrowKeysMoveAlongIt_AndTabLeavesIt()
    {
        await using var context = await site.NewContextAsync();
        var page = (await OpenAsync(context, "/admin/articles/new")).Page;

        await page.FocusAsync("[role=toolbar] button[tabindex='0']");
        Assert.Equal("H2 heading", await FocusedLabelAsync(page));
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("H3 subheading", await FocusedLabelAsync(page));
        await page.Keyboard.PressAsync("End");
        Assert.Equal("Edit as HTML", await FocusedLabelAsync(page));
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("H2 heading", await FocusedLabelAsync(page));
        await page.Keyboard.PressAsync("ArrowLeft");
        Assert.Equal("Edit as HTML", await FocusedLabelAsync(page));
        Assert.Equal(1, await page.Locator("[role=toolbar] button[tabindex='0']").CountAsync());

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("textbox", await page.EvaluateAsync<string>("document.activeElement.getAttribute('role')"));
        Assert.Equal("Body", await page.EvaluateAsync<string>(
            "document.getElementById(document.activeElement.getAttribute('aria-labelledby')).textContent"));
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task EditorPage_HasNoAxeViolations_NoSidewaysScrolling_AndLooksRight(int width)
    {
        await using var context = await site.NewContextAsync(width, 900);
        var (page, problems) = await OpenAsync(context, "/admin/articles/1/edit");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.OutputFolder, $"editor-page-{width}.png") });
        // Inside a table the table buttons show too.
        await page.EvaluateAsync("() => { const e = NewsroomEditor.editors[0]; e.commands.focus('end'); }");
        await TextHasFocusAsync(page); // else the delayed focus lands after the insert and moves the cursor out of the table
        await page.FocusAsync("[aria-label='Insert table']");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[aria-label='Add table row']")).ToBeVisibleAsync();

        await PageChecks.AssertNoAxeViolationsAsync(page, $"The editor at {width}px");
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"The editor at {width}px scrolls sideways: content is {scrollWidth}px wide.");
        await page.Locator(".newsroom-editor").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(SiteFixture.OutputFolder, $"editor-{width}.png") });

        await page.FocusAsync("[aria-label='Insert or edit image']");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("dialog[open] h2")).ToHaveTextAsync("Insert image");
        await PageChecks.AssertNoAxeViolationsAsync(page, $"The image dialog at {width}px");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.OutputFolder, $"editor-dialog-{width}.png") });
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("dialog")).ToHaveCountAsync(0);
        Assert.Equal("Insert or edit image", await FocusedLabelAsync(page));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task WithoutJavaScript_TheBodyIsTheHtmlField()
    {
        await using var context = await site.NewContextAsync(javaScript: false);
        var page = await SiteFixture.SignedInPageAsync(context, SiteFixture.EditorEmail);
        await page.GotoAsync("/admin/articles/1/edit");

        await Assertions.Expect(page.Locator("textarea#BodyHtml")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".newsroom-editor")).ToHaveCountAsync(0);
    }
}
