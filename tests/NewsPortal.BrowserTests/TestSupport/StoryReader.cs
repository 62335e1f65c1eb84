namespace NewsPortal.BrowserTests.TestSupport;

/// <summary>
/// A reader in a browser context of their own, on a story they reached from a listing, with its comment form in front of
/// them; disposing it closes the context.
/// </summary>
public sealed class StoryReader(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IBrowserContext Context => context;

    public IPage Page => page;

    /// <summary>
    /// Opens <paramref name="listing"/> and follows the story linked <paramref name="nth"/> (from 0) in <paramref name="cards"/>
    /// (<c>.latest</c> on the front page, <c>.listing</c> on a section's), then waits for its comment form.
    /// </summary>
    public static async Task<StoryReader> OpenAsync(
        SiteFixture site, string listing, string cards, int nth = 0, bool javaScript = true, int width = 1280, int height = 900)
    {
        var context = await site.NewContextAsync(width, height, javaScript);
        var page = await context.NewPageAsync();
        await page.GotoAsync(listing);
        await page.ClickAsync($"{cards} .card-title a >> nth={nth}");
        await page.WaitForSelectorAsync("#comments form.comment-form");
        return new StoryReader(context, page);
    }

    /// <summary>Types the comment and who writes it into the three fields a reader fills.</summary>
    public async Task FillCommentAsync(string body, string name, string email)
    {
        await page.FillAsync("#Body", body);
        await page.FillAsync("#Name", name);
        await page.FillAsync("#Email", email);
    }

    /// <summary>Sends the comment form and waits for the notice that the comment was received.</summary>
    public async Task SendCommentAsync()
    {
        await page.ClickAsync("#comments button[type=submit]");
        await page.WaitForSelectorAsync("#comments .notice-success");
    }

    public ValueTask DisposeAsync() => context.DisposeAsync();
}
