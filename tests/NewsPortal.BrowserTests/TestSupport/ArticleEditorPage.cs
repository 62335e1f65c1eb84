namespace NewsPortal.BrowserTests.TestSupport;

/// <summary>
/// The article editor (wwwroot/lib/newsroom-editor) as people use it: opened signed in, its toolbar reached by keyboard,
/// and what a save stored.
/// </summary>
public static partial class ArticleEditorPage
{
    /// <summary>The rich-text editing area, there once the editor has replaced the body's textarea.</summary>
    public const string EditorSelector = ".newsroom-editor-content[contenteditable=true]";

    /// <summary>
    /// A page signed in as <paramref name="email"/> on <paramref name="path"/> once the editor is up, and the console
    /// problems it has logged since before it opened (see <see cref="WatchConsole"/>).
    /// </summary>
    public static async Task<(IPage Page, List<string> Problems)> OpenAsync(
        IBrowserContext context, string path, string email = SiteFixture.EditorEmail)
    {
        var page = await SiteFixture.SignedInPageAsync(context, email);
        var problems = WatchConsole(page);
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync(EditorSelector);
        return (page, problems);
    }

    /// <summary>Picks the first section and author with the arrow keys and publishes with Enter, as a keyboard user does.</summary>
    public static async Task PublishByKeyboardAsync(IPage page)
    {
        await page.FocusAsync("#CategoryId");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.FocusAsync("#AuthorId");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.FocusAsync("button[value=publish]");
        await page.NavigatesToAsync(() => page.Keyboard.PressAsync("Enter"), EditAddress());
        await Assertions.Expect(page.Locator(".notice-success")).ToHaveTextAsync("Published.");
    }

    /// <summary>What the form requires besides the body: a headline, a standfirst, the first section and author.</summary>
    public static async Task FillRequiredAsync(IPage page, string headline, string standfirst)
    {
        await page.FillAsync("#Headline", headline);
        await page.FillAsync("#Standfirst", standfirst);
        await page.SelectOptionAsync("#CategoryId", new SelectOptionValue { Index = 1 });
        await page.SelectOptionAsync("#AuthorId", new SelectOptionValue { Index = 1 });
    }

    /// <summary>From the text, Shift+Tab to the toolbar, arrow keys to <paramref name="label"/>, Enter.</summary>
    public static async Task ToolbarButtonAsync(IPage page, string label)
    {
        await page.Keyboard.PressAsync("Shift+Tab");
        for (var i = 0; i < 30 && await FocusedLabelAsync(page) != label; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }

        Assert.Equal(label, await FocusedLabelAsync(page));
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>Presses <paramref name="keys"/> one after another.</summary>
    public static async Task KeysAsync(IPage page, params string[] keys)
    {
        foreach (var key in keys)
        {
            await page.Keyboard.PressAsync(key);
        }
    }

    /// <summary>From the text: the toolbar's bulleted list, <paramref name="items"/> one a line, and an empty item that ends the list.</summary>
    public static async Task BulletedListAsync(IPage page, params string[] items)
    {
        await ToolbarButtonAsync(page, "Bulleted list");
        await TextHasFocusAsync(page);
        foreach (var item in items)
        {
            await page.Keyboard.TypeAsync(item);
            await page.Keyboard.PressAsync("Enter");
        }

        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>In the open image picker: types <paramref name="query"/>, which must find one image, and picks it by keyboard.</summary>
    public static async Task PickImageAsync(IPage page, string query)
    {
        await Assertions.Expect(page.Locator("dialog[open] input[type=search]")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(query);
        var choice = page.Locator("dialog[open] .newsroom-picker-item");
        await Assertions.Expect(choice).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(choice).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("dialog")).ToHaveCountAsync(0);
    }

    /// <summary>A toolbar command gives the focus back to the text a frame later (TipTap's focus); keys typed before that are lost.</summary>
    public static Task TextHasFocusAsync(IPage page) =>
        Assertions.Expect(page.Locator(".newsroom-editor-content[role='textbox']")).ToBeFocusedAsync();

    public static Task<string?> FocusedLabelAsync(IPage page) =>
        page.EvaluateAsync<string?>("document.activeElement && document.activeElement.getAttribute('aria-label')");

    /// <summary>Errors and CSP reports in the console (Chromium logs every refused load there).</summary>
    public static List<string> WatchConsole(IPage page)
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

    /// <summary>The address a save redirects to.</summary>
    [GeneratedRegex(@"/admin/articles/\d+/edit$")]
    public static partial Regex EditAddress();

    public static async Task<string> StoredBodyAsync(SiteFixture site, string headline)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        return await db.Articles.Where(a => a.Headline == headline).Select(a => a.BodyHtml).SingleAsync();
    }

    public static async Task<int> ArticleIdAsync(SiteFixture site, string headline)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        return await db.Articles.Where(a => a.Headline == headline).Select(a => a.Id).SingleAsync();
    }

    /// <summary>Waits (90 s at most) until the media job has made the variants of the image <paramref name="which"/> picks.</summary>
    public static async Task WaitUntilMediaReadyAsync(SiteFixture site, Expression<Func<MediaItem, bool>> which, string name)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        var state = MediaState.Processing;
        while (DateTime.UtcNow < deadline)
        {
            await using var scope = site.Services.CreateAsyncScope();
            state = await scope.ServiceProvider.GetRequiredService<NewsDbContext>().MediaItems.Where(which).Select(m => m.State).SingleAsync();
            if (state != MediaState.Processing)
            {
                break;
            }

            await Task.Delay(200);
        }

        Assert.True(state == MediaState.Ready, $"{name} is {state} after 90 s, not ready.");
    }
}
