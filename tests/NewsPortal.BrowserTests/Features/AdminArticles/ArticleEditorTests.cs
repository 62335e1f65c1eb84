using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsPortal.BrowserTests.TestSupport;
using NewsPortal.Web.Data;

namespace NewsPortal.BrowserTests.Features.AdminArticles;

/// <summary>
/// The article editor (wwwroot/lib/newsroom-editor, built from src/NewsPortal.Web/ClientApp/editor) in Chromium,
/// under the site's real Content-Security-Policy.
/// </summary>
public sealed partial class ArticleEditorTests
{
    private const string EditorSelector = ".newsroom-editor-content[contenteditable=true]";
    private readonly SiteFixture _site;

    public ArticleEditorTests(SiteFixture site) => _site = site;

    [Fact]
    public async Task Editor_ByKeyboardOnly_WritesAHeadingAListAndALink_AndTheReaderSeesThem()
    {
        _site.RequireBrowser();
        await using var context = await _site.NewContextAsync();
        var page = await SiteFixture.SignedInPageAsync(context, SiteFixture.EditorEmail);
        var problems = WatchConsole(page);
        await page.GotoAsync("/admin/articles/new");
        await page.WaitForSelectorAsync(EditorSelector);
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
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("Boats are back.");
        await page.Keyboard.PressAsync("Enter");

        await ToolbarButtonAsync(page, "Bulleted list");
        await TextHasFocusAsync(page);
        await page.Keyboard.TypeAsync("Ferries run");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("Roads open");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Enter"); // an empty item ends the list

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

        await page.FocusAsync("#CategoryId");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.FocusAsync("#AuthorId");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.FocusAsync("button[value=publish]");
        await page.NavigatesToAsync(() => page.Keyboard.PressAsync("Enter"), EditAddress());
        await Assertions.Expect(page.Locator(".notice-success")).ToHaveTextAsync("Published.");

        var slug = (await page.GetAttributeAsync("a:has-text('View on the site')", "href"))!;
        await using var readerContext = await _site.NewContextAsync();
        var reader = await readerContext.NewPageAsync();
        await reader.GotoAsync(slug);
        await Assertions.Expect(reader.Locator(".article-body h2")).ToHaveTextAsync("What happened");
        await Assertions.Expect(reader.Locator(".article-body ul > li")).ToHaveTextAsync(["Ferries run", "Roads open"]);
        var link = reader.Locator(".article-body a[href='https://example.org/harbour-report']");
        await Assertions.Expect(link).ToHaveTextAsync("harbour report");
        Assert.Equal("noopener", await link.GetAttributeAsync("rel"));

        var stored = await StoredBodyAsync(headline);
        Assert.Equal(
            "<h2>What happened</h2><p>Boats are back.</p><ul><li><p>Ferries run</p></li><li><p>Roads open</p></li></ul>" +
            "<p>Read the <a href=\"https://example.org/harbour-report\" rel=\"noopener\">harbour report</a></p>",
            stored);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Article_OpenedAndSavedWithoutChanges_StoresTheSameHtml_AndTheEditorWritesItBackUnchanged()
    {
        _site.RequireBrowser();
        await using var context = await _site.NewContextAsync();
        var page = await SiteFixture.SignedInPageAsync(context, SiteFixture.EditorEmail);
        var problems = WatchConsole(page);
        var headline = $"Round trip {Guid.NewGuid():N}"[..28];
        var body = string.Concat(Corpus().Select(c => c.Html));

        // Written without the editor (the HTML field, as without JavaScript), so the editor's first contact with it
        // is opening it.
        await using (var plain = await _site.NewContextAsync(javaScript: false))
        {
            var form = await SiteFixture.SignedInPageAsync(plain, SiteFixture.EditorEmail);
            await form.GotoAsync("/admin/articles/new");
            await Assertions.Expect(form.Locator("textarea#BodyHtml")).ToBeVisibleAsync();
            await form.FillAsync("#Headline", headline);
            await form.FillAsync("#Standfirst", "Every kind of block the editor writes.");
            await form.FillAsync("#BodyHtml", body);
            await form.SelectOptionAsync("#CategoryId", new SelectOptionValue { Index = 1 });
            await form.SelectOptionAsync("#AuthorId", new SelectOptionValue { Index = 1 });
            await form.NavigatesToAsync(() => form.ClickAsync("button[value=savedraft]"), EditAddress());
        }

        var first = await StoredBodyAsync(headline);
        Assert.Equal(body, first);
        var id = await ArticleIdAsync(headline);

        await page.GotoAsync($"/admin/articles/{id}/edit");
        await page.WaitForSelectorAsync(EditorSelector);
        Assert.Equal(first, await page.EvaluateAsync<string>("NewsroomEditor.editors[0].getHTML()"));
        await page.NavigatesToAsync(() => page.ClickAsync("button[value=savedraft]"), EditAddress());
        Assert.Equal(first, await StoredBodyAsync(headline));

        // A change and its undo also come back to the same HTML.
        await page.WaitForSelectorAsync(EditorSelector);
        await page.FocusAsync(EditorSelector);
        await page.Keyboard.TypeAsync("x");
        await page.Keyboard.PressAsync("Control+z");
        await page.NavigatesToAsync(() => page.ClickAsync("button[value=savedraft]"), EditAddress());
        Assert.Equal(first, await StoredBodyAsync(headline));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Editor_GivenEachCaseOfTheCorpus_WritesItBackUnchanged()
    {
        _site.RequireBrowser();
        await using var context = await _site.NewContextAsync();
        var page = await EditorPageAsync(context, "/admin/articles/new");

        foreach (var (name, html) in Corpus())
        {
            var written = await page.EvaluateAsync<string>(
                "html => { const e = NewsroomEditor.editors[0]; e.commands.setContent(html, { emitUpdate: false }); return e.getHTML(); }", html);
            Assert.True(html == written, $"{name}:\n  given   {html}\n  written {written}");
        }
    }

    [Fact]
    public async Task PasteFromWordAndGoogleDocs_ArrivesWithoutStylesClassesOrSpans_AndKeepsItsStructure()
    {
        _site.RequireBrowser();
        await using var context = await _site.NewContextAsync();
        var page = await EditorPageAsync(context, "/admin/articles/new");
        const string word = """
            <html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body>
            <!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]-->
            <h1 style="mso-outline-level:1">Flood defences</h1>
            <p class=MsoNormal style="margin:0"><span lang=EN-GB style='font-size:12pt;mso-bidi-font-family:Calibri'>The wall is <b>finished</b><o:p></o:p></span></p>
            <p class=MsoNormal>&nbsp;<o:p></o:p></p>
            <p class=MsoListParagraphCxSpFirst style='text-indent:-18pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Pumps<o:p></o:p></p>
            <p class=MsoListParagraphCxSpLast style='text-indent:-18pt;mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·<span>&nbsp; </span></span>Gates<o:p></o:p></p>
            <p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>1.<span>&nbsp; </span></span>First step</p>
            <table class=MsoTableGrid style='border-collapse:collapse'><tr><td width=200 style='border:solid windowtext 1pt'><p class=MsoNormal>Cell</p></td></tr></table>
            </body></html>
            """;
        const string googleDocs = """
            <meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b"><h2 dir="ltr" style="line-height:1.38"><span style="font-size:16pt;font-weight:400">The vote</span></h2>
            <p dir="ltr" style="line-height:1.38"><span style="font-weight:700">Turnout</span><span> was </span><span style="font-style:italic">high</span><span>, says </span><a href="https://example.org/count" style="text-decoration:none"><span style="color:#1155cc">the count</span></a></p>
            <ul><li dir="ltr" style="list-style-type:disc" aria-level="1"><p dir="ltr" role="presentation"><span>Ward one</span></p></li></ul></b><br class="Apple-interchange-newline">
            """;

        var fromWord = await PastedAsync(page, word);
        var fromDocs = await PastedAsync(page, googleDocs);

        Assert.Equal(
            "<h2>Flood defences</h2><p>The wall is <strong>finished</strong></p><ul><li><p>Pumps</p></li><li><p>Gates</p></li></ul>" +
            "<ol><li><p>First step</p></li></ol><table><tbody><tr><td><p>Cell</p></td></tr></tbody></table>",
            fromWord);
        Assert.Equal(
            "<h2>The vote</h2><p><strong>Turnout</strong> was <em>high</em>, says <a href=\"https://example.org/count\" rel=\"noopener\">the count</a></p>" +
            "<ul><li><p>Ward one</p></li></ul>",
            fromDocs);
    }

    [Fact]
    public async Task VideoAddressAloneOnALine_BecomesAnEmbed_ThatAsksNothingOfTheVideoSiteUntilTheReaderPlaysIt()
    {
        _site.RequireBrowser();
        await using var context = await _site.NewContextAsync();
        var page = await SiteFixture.SignedInPageAsync(context, SiteFixture.EditorEmail);
        var problems = WatchConsole(page);
        await page.GotoAsync("/admin/articles/new");
        await page.WaitForSelectorAsync(EditorSelector);
        var headline = $"Video {Guid.NewGuid():N}"[..24];
        await page.FillAsync("#Headline", headline);
        await page.FillAsync("#Standfirst", "With a video.");
        await page.SelectOptionAsync("#CategoryId", new SelectOptionValue { Index = 1 });
        await page.SelectOptionAsync("#AuthorId", new SelectOptionValue { Index = 1 });
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
            await StoredBodyAsync(headline));
        var slug = (await page.GetAttributeAsync("a:has-text('View on the site')", "href"))!;

        await using var readerContext = await _site.NewContextAsync();
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
        var axe = await reader.RunAxe();
        Assert.True(axe.Violations.Length == 0, $"The article with a video has axe violations: {string.Join(", ", axe.Violations.Select(v => v.Id))}");
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

    [Fact]
    public async Task BodyWithMarkupTheEditorDoesNotModel_OpensAsHtml_AndSavesUnchanged()
    {
        _site.RequireBrowser();
        await using var context = await _site.NewContextAsync();
        var page = await SiteFixture.SignedInPageAsync(context, SiteFixture.EditorEmail);
        var headline = $"Old markup {Guid.NewGuid():N}"[..28];
        const string body = "<p>Terms:</p><dl><dt>Quay</dt><dd>A landing place.</dd></dl><h5>Small print</h5>";
        await page.GotoAsync("/admin/articles/new");
        await page.WaitForSelectorAsync(EditorSelector);
        await page.FillAsync("#Headline", headline);
        await page.FillAsync("#Standfirst", "Written before the editor.");
        await page.ClickAsync("[aria-label='Edit as HTML']");
        await page.FillAsync("#BodyHtml", body);
        await page.SelectOptionAsync("#CategoryId", new SelectOptionValue { Index = 1 });
        await page.SelectOptionAsync("#AuthorId", new SelectOptionValue { Index = 1 });
        await page.NavigatesToAsync(() => page.ClickAsync("button[value=savedraft]"), EditAddress());
        Assert.Equal(body, await StoredBodyAsync(headline));

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".newsroom-editor-notice")).ToContainTextAsync("<dl>, <dt>, <dd>, <h5>");
        await Assertions.Expect(page.Locator("textarea#BodyHtml")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[aria-label='Edit as HTML']")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.NavigatesToAsync(() => page.ClickAsync("button[value=savedraft]"), EditAddress());

        Assert.Equal(body, await StoredBodyAsync(headline));
    }

    [Fact]
    public async Task WithoutJavaScript_TheBodyIsTheHtmlField()
    {
        _site.RequireBrowser();
        await using var context = await _site.NewContextAsync(javaScript: false);
        var page = await SiteFixture.SignedInPageAsync(context, SiteFixture.EditorEmail);
        await page.GotoAsync("/admin/articles/1/edit");

        await Assertions.Expect(page.Locator("textarea#BodyHtml")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".newsroom-editor")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task EditorPage_HasNoAxeViolations_NoSidewaysScrolling_AndLooksRight(int width)
    {
        _site.RequireBrowser();
        await using var context = await _site.NewContextAsync(width, 900);
        var page = await SiteFixture.SignedInPageAsync(context, SiteFixture.EditorEmail);
        var problems = WatchConsole(page);
        await page.GotoAsync("/admin/articles/1/edit");
        await page.WaitForSelectorAsync(EditorSelector);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.OutputFolder, $"editor-page-{width}.png") });
        // Inside a table the table buttons show too.
        await page.EvaluateAsync("() => { const e = NewsroomEditor.editors[0]; e.commands.focus('end'); }");
        await TextHasFocusAsync(page); // else the delayed focus lands after the insert and moves the cursor out of the table
        await page.FocusAsync("[aria-label='Insert table']");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[aria-label='Add table row']")).ToBeVisibleAsync();

        var result = await page.RunAxe();

        var report = string.Join("\n", result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Take(5).Select(n => n.Target + "  " + n.Html))));
        Assert.True(result.Violations.Length == 0, $"The editor at {width}px has axe violations:\n{report}");
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"The editor at {width}px scrolls sideways: content is {scrollWidth}px wide.");
        await page.Locator(".newsroom-editor").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(SiteFixture.OutputFolder, $"editor-{width}.png") });

        await page.FocusAsync("[aria-label='Insert or edit image']");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("dialog[open] h2")).ToHaveTextAsync("Insert image");
        var dialogAxe = await page.RunAxe();
        Assert.True(dialogAxe.Violations.Length == 0, $"The image dialog at {width}px has axe violations: {string.Join(", ", dialogAxe.Violations.Select(v => v.Id))}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.OutputFolder, $"editor-dialog-{width}.png") });
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("dialog")).ToHaveCountAsync(0);
        Assert.Equal("Insert or edit image", await FocusedLabelAsync(page));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Toolbar_ArrowKeysMoveAlongIt_AndTabLeavesIt()
    {
        _site.RequireBrowser();
        await using var context = await _site.NewContextAsync();
        var page = await EditorPageAsync(context, "/admin/articles/new");

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

    /// <summary>A real paste event into the emptied editor, carrying the clipboard's HTML as Word or Docs put it there.</summary>
    private static async Task<string> PastedAsync(IPage page, string html) =>
        await page.EvaluateAsync<string>(
            """
            html => {
                const e = NewsroomEditor.editors[0];
                e.commands.clearContent();
                e.commands.focus();
                const data = new DataTransfer();
                data.setData('text/html', html);
                data.setData('text/plain', 'plain text');
                e.view.dom.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
                return e.getHTML();
            }
            """, html);

    private static async Task ToolbarButtonAsync(IPage page, string label)
    {
        await page.Keyboard.PressAsync("Shift+Tab");
        for (var i = 0; i < 30 && await FocusedLabelAsync(page) != label; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }

        Assert.Equal(label, await FocusedLabelAsync(page));
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>An editor signed in, on <paramref name="path"/>, once the rich-text editor has replaced the textarea.</summary>
    private static async Task<IPage> EditorPageAsync(IBrowserContext context, string path)
    {
        var page = await SiteFixture.SignedInPageAsync(context, SiteFixture.EditorEmail);
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync(EditorSelector);
        return page;
    }

    /// <summary>A toolbar command gives the focus back to the text a frame later (TipTap's focus); keys typed before that are lost.</summary>
    private static Task TextHasFocusAsync(IPage page) =>
        Assertions.Expect(page.Locator(".newsroom-editor-content[role='textbox']")).ToBeFocusedAsync();

    private static Task<string?> FocusedLabelAsync(IPage page) =>
        page.EvaluateAsync<string?>("document.activeElement && document.activeElement.getAttribute('aria-label')");

    /// <summary>Errors and CSP reports in the console (Chromium logs every refused load there).</summary>
    private static List<string> WatchConsole(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        return problems;
    }

    private async Task<string> StoredBodyAsync(string headline)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        return await db.Articles.Where(a => a.Headline == headline).Select(a => a.BodyHtml).SingleAsync();
    }

    private async Task<int> ArticleIdAsync(string headline)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        return await db.Articles.Where(a => a.Headline == headline).Select(a => a.Id).SingleAsync();
    }

    private static List<(string Name, string Html)> Corpus()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NewsPortal.sln")))
        {
            dir = dir.Parent;
        }

        var text = File.ReadAllText(Path.Combine(dir!.FullName, "src", "NewsPortal.Web", "ClientApp", "editor", "test", "corpus.html"));
        return [.. CorpusCase().Matches(text).Select(m => (m.Groups["name"].Value, m.Groups["html"].Value.Trim()))];
    }

    [GeneratedRegex(@"^<!-- case: (?<name>.+?) -->\n(?<html>[^\n]+)", RegexOptions.Multiline)]
    private static partial Regex CorpusCase();

    [GeneratedRegex(@"/admin/articles/\d+/edit$")]
    private static partial Regex EditAddress();

    [GeneratedRegex(@"^https://([a-z0-9-]+\.)*(youtube\.com|youtube-nocookie\.com|youtu\.be|ytimg\.com|vimeo\.com|vimeocdn\.com)/")]
    private static partial Regex VideoSite();
}
