namespace NewsPortal.BrowserTests.TestSupport;

/// <summary>
/// axe-core in Chromium with every rule on, one of the two checks every page gets; the other is
/// <see cref="NuHtmlChecker"/>.
/// </summary>
public static class PageChecks
{
    /// <summary>Runs axe on the page as it is now; fails naming each violation and up to five of its elements.</summary>
    public static async Task AssertNoAxeViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        var report = string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Take(5).Select(n => n.Target + "  " + n.Html))));
        Assert.True(result.Violations.Length == 0, $"{what} has axe violations:\n{report}");
    }
}
