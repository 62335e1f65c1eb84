namespace NewsPortal.BrowserTests.TestSupport;

/// <summary>
/// The two checks every page gets: axe-core in Chromium with every rule on, and the Nu HTML Checker (vnu.jar from
/// npm, run with the installed Java; <c>.ci/run</c> installs it with <c>npm ci --prefix tests/quality</c>).
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

    /// <summary>
    /// The path of vnu.jar; skips the test without it, except under CI=true, where it fails. Call before the test's
    /// work, so a skip costs nothing.
    /// </summary>
    public static string VnuJar()
    {
        var jar = Path.Combine(Repository.Root(), "tests", "quality", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        if (File.Exists(jar))
        {
            return jar;
        }

        if (SiteFixture.UnderCi)
        {
            throw new InvalidOperationException("CI=true but vnu.jar is missing: run 'npm ci --prefix tests/quality' (.ci/run does).");
        }

        Assert.Skip("HTML validation skipped: vnu.jar is not installed. Run 'npm ci --prefix tests/quality'.");
        return string.Empty;
    }

    /// <summary>Checks <paramref name="html"/> (as the server sent it, not the browser's DOM); fails listing every error.</summary>
    public static async Task AssertNoHtmlErrorsAsync(string jar, string html, string what)
    {
        var file = Path.Combine(Path.GetTempPath(), $"vnu-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, html);
        try
        {
            var errors = await NuErrorsAsync(jar, file);
            Assert.True(errors.Count == 0, $"{what} has HTML errors:\n{string.Join("\n", errors)}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<List<string>> NuErrorsAsync(string jar, string file)
    {
        var info = new ProcessStartInfo("java", ["-jar", jar, "--format", "json", "--errors-only", file])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        _ = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        using var json = JsonDocument.Parse(await stderr);
        return json.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() is "error" or "non-document-error")
            .Select(m => $"line {(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}: {m.GetProperty("message").GetString()}"
                         + (m.TryGetProperty("extract", out var extract) ? $"  [{extract.GetString()?.Trim()}]" : string.Empty))
            .ToList();
    }
}
