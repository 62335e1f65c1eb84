namespace NewsPortal.BrowserTests.Features.AdminArticles;

/// <summary>What goes into the editor comes out unchanged: stored bodies, the editor's corpus, markup it does not model, and pastes from Word and Google Docs cleaned to the same blocks.</summary>
public sealed partial class ArticleEditorRoundTripTests(SiteFixture site)
{
    [Fact]
    public async Task Article_OpenedAndSavedWithoutChanges_StoresTheSameHtml_AndTheEditorWritesItBackUnchanged()
    {
        await using var context = await site.NewContextAsync();
        var page = await SiteFixture.SignedInPageAsync(context, SiteFixture.EditorEmail);
        var problems = WatchConsole(page);
        var headline = $"Round trip {Guid.NewGuid():N}"[..28];
        var body = string.Concat(Corpus().Select(c => c.Html));

        // Written without the editor (the HTML field, as without JavaScript), so the editor's first contact with it
        // is opening it.
        await using (var plain = await site.NewContextAsync(javaScript: false))
        {
            var form = await SiteFixture.SignedInPageAsync(plain, SiteFixture.EditorEmail);
            await form.GotoAsync("/admin/articles/new");
            await Assertions.Expect(form.Locator("textarea#BodyHtml")).ToBeVisibleAsync();
            await FillRequiredAsync(form, headline, "Every kind of block the editor writes.");
            await form.FillAsync("#BodyHtml", body);
            await form.NavigatesToAsync(() => form.ClickAsync("button[value=savedraft]"), EditAddress());
        }

        var first = await StoredBodyAsync(site, headline);
        Assert.Equal(body, first);
        var id = await ArticleIdAsync(site, headline);

        await page.GotoAsync($"/admin/articles/{id}/edit");
        await page.WaitForSelectorAsync(EditorSelector);
        Assert.Equal(first, await page.EvaluateAsync<string>("NewsroomEditor.editors[0].getHTML()"));
        await page.NavigatesToAsync(() => page.ClickAsync("button[value=savedraft]"), EditAddress());
        Assert.Equal(first, await StoredBodyAsync(site, headline));

        // A change and its undo also come back to the same HTML.
        await page.WaitForSelectorAsync(EditorSelector);
        await page.FocusAsync(EditorSelector);
        await page.Keyboard.TypeAsync("x");
        await page.Keyboard.PressAsync("Control+z");
        await page.NavigatesToAsync(() => page.ClickAsync("button[value=savedraft]"), EditAddress());
        Assert.Equal(first, await StoredBodyAsync(site, headline));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Editor_GivenEachCaseOfTheCorpus_WritesItBackUnchanged()
    {
        await using var context = await site.NewContextAsync();
        var page = (await OpenAsync(context, "/admin/articles/new")).Page;

        foreach (var (name, html) in Corpus())
        {
            var written = await page.EvaluateAsync<string>(
                "html => { const e = NewsroomEditor.editors[0]; e.commands.setContent(html, { emitUpdate: false }); return e.getHTML(); }", html);
            Assert.True(html == written, $"{name}:\n  given   {html}\n  written {written}");
        }
    }

    [Fact]
    public async Task BodyWithMarkupTheEditorDoesNotModel_OpensAsHtml_AndSavesUnchanged()
    {
        await using var context = await site.NewContextAsync();
        var page = (await OpenAsync(context, "/admin/articles/new")).Page;
        var headline = $"Old markup {Guid.NewGuid():N}"[..28];
        const string body = "<p>Terms:</p><dl><dt>Quay</dt><dd>A landing place.</dd></dl><h5>Small print</h5>";
        await FillRequiredAsync(page, headline, "Written before the editor.");
        await page.ClickAsync("[aria-label='Edit as HTML']");
        await page.FillAsync("#BodyHtml", body);
        await page.NavigatesToAsync(() => page.ClickAsync("button[value=savedraft]"), EditAddress());
        Assert.Equal(body, await StoredBodyAsync(site, headline));

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".newsroom-editor-notice")).ToContainTextAsync("<dl>, <dt>, <dd>, <h5>");
        await Assertions.Expect(page.Locator("textarea#BodyHtml")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[aria-label='Edit as HTML']")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.NavigatesToAsync(() => page.ClickAsync("button[value=savedraft]"), EditAddress());

        Assert.Equal(body, await StoredBodyAsync(site, headline));
    }

    [Fact]
    public async Task PasteFromWordAndGoogleDocs_ArrivesWithoutStylesClassesOrSpans_AndKeepsItsStructure()
    {
        await using var context = await site.NewContextAsync();
        var page = (await OpenAsync(context, "/admin/articles/new")).Page;
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

    private static List<(string Name, string Html)> Corpus()
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root(), "src", "NewsPortal.Web", "ClientApp", "editor", "test", "corpus.html"));
        return [.. CorpusCase().Matches(text).Select(m => (m.Groups["name"].Value, m.Groups["html"].Value.Trim()))];
    }

    [GeneratedRegex(@"^<!-- case: (?<name>.+?) -->\n(?<html>[^\n]+)", RegexOptions.Multiline)]
    private static partial Regex CorpusCase();
}
