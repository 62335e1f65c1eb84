using System.Diagnostics;
using System.Text.Json;
using NewsPortal.BrowserTests.TestSupport;

namespace NewsPortal.BrowserTests.Features.Shared;

/// <summary>
/// The HTML the server sends, checked by the Nu HTML Checker (vnu.jar from npm, run with the installed Java).
/// <c>.ci/run</c> installs it with <c>npm ci --prefix tests/quality</c>.
/// </summary>
public sealed class HtmlValidationTests
{
    private readonly SiteFixture _site;

    public HtmlValidationTests(SiteFixture site) => _site = site;

    [Theory]
    [MemberData(nameof(QualityPages.All), MemberType = typeof(QualityPages))]
    public async Task Page_HasNoNuHtmlCheckerErrors(string name, string url, bool signedIn)
    {
        _site.RequireBrowser();
        url = _site.Resolve(url);
        var jar = FindVnuJar();
        await using var context = await _site.NewContextAsync();
        if (signedIn)
        {
            await SiteFixture.SignedInPageAsync(context, SiteFixture.EditorEmail);
        }

        var response = await context.APIRequest.GetAsync(url);
        var html = await response.TextAsync();
        var file = Path.Combine(Path.GetTempPath(), $"vnu-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, html);
        try
        {
            var errors = await ValidateAsync(jar, file);
            Assert.True(errors.Count == 0, $"{name} ({url}) has HTML errors:\n{string.Join("\n", errors)}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    internal static string FindVnuJar()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NewsPortal.sln")))
        {
            dir = dir.Parent;
        }

        var jar = dir is null ? null : Path.Combine(dir.FullName, "tests", "quality", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        if (jar is not null && File.Exists(jar))
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

    internal static async Task<List<string>> ValidateAsync(string jar, string file)
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
