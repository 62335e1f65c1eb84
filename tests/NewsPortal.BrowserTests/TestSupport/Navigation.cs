namespace NewsPortal.BrowserTests.TestSupport;

/// <summary>
/// Waits for the page a click or key press opens. The wait listens for the new document's load event from before the
/// action, so it neither misses a fast navigation nor takes the page still showing (a save that comes back to the same
/// address) for the new one. Waiting for the address afterwards did both: CI once spent 60 s waiting for a load event
/// that had already fired.
/// </summary>
internal static class Navigation
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task NavigatesToAsync(this IPage page, Func<Task> action, Func<string, bool> address)
    {
        await page.LoadsNewDocumentAsync(action);
        Assert.True(address(page.Url), $"The page opened {page.Url}.");
    }

    public static Task NavigatesToAsync(this IPage page, Func<Task> action, Regex address) =>
        page.NavigatesToAsync(action, address.IsMatch);

    public static async Task LoadsNewDocumentAsync(this IPage page, Func<Task> action)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage loadedPage) => loaded.TrySetResult();
        page.Load += OnLoad;
        try
        {
            await action();
            await loaded.Task.WaitAsync(Limit);
        }
        finally
        {
            page.Load -= OnLoad;
        }
    }
}
