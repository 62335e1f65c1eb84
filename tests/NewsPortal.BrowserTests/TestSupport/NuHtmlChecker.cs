[assembly: AssemblyFixture(typeof(NewsPortal.BrowserTests.TestSupport.NuHtmlChecker))]

namespace NewsPortal.BrowserTests.TestSupport;

/// <summary>
/// The Nu HTML Checker (vnu.jar from npm, run with the installed Java; <c>.ci/run</c> installs it with
/// <c>npm ci --prefix tests/quality</c>), started once for the whole run as the checker's own HTTP service on a loopback
/// port, when the first test asks for a check: one Java start for every page instead of one a page. Each check posts the
/// HTML as the server sent it, not the browser's DOM. The service is stopped when the run ends, and a
/// <see cref="ProcessGuard"/> stops it even when the run is killed.
/// </summary>
public sealed class NuHtmlChecker : IDisposable
{
    private readonly SemaphoreSlim _starting = new(1, 1);
    private string? _directory;
    private ProcessGuard? _guard;
    private ChildProcess? _service;
    private HttpClient? _client;
    private Exception? _failedStart;

    private static string Jar => Path.Combine(Repository.Root(), "tests", "quality", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    /// <summary>
    /// Skips the test without vnu.jar, except under CI=true, where it fails. Call before the test's work, so a skip costs
    /// nothing.
    /// </summary>
    public static void Require()
    {
        if (File.Exists(Jar))
        {
            return;
        }

        if (SiteFixture.UnderCi)
        {
            throw new InvalidOperationException("CI=true but vnu.jar is missing: run 'npm ci --prefix tests/quality' (.ci/run does).");
        }

        Assert.Skip("HTML validation skipped: vnu.jar is not installed. Run 'npm ci --prefix tests/quality'.");
    }

    /// <summary>Checks <paramref name="html"/>; fails listing every error.</summary>
    public async Task AssertNoErrorsAsync(string html, string what)
    {
        Require();
        var client = await ServiceAsync();
        using var content = new StringContent(html, Encoding.UTF8, "text/html");
        using var response = await client.PostAsync(new Uri("/?out=json", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"The Nu HTML Checker answered {(int)response.StatusCode}: {body}");

        using var json = JsonDocument.Parse(body);
        var errors = json.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() is "error" or "non-document-error")
            .Select(m => $"line {(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}: {m.GetProperty("message").GetString()}"
                         + (m.TryGetProperty("extract", out var extract) ? $"  [{extract.GetString()?.Trim()}]" : string.Empty))
            .ToList();
        Assert.True(errors.Count == 0, $"{what} has HTML errors:\n{string.Join("\n", errors)}");
    }

    public void Dispose()
    {
        _client?.Dispose();
        _service?.Dispose();
        _guard?.Dispose();
        _starting.Dispose();
    }

    private async Task<HttpClient> ServiceAsync()
    {
        await _starting.WaitAsync();
        try
        {
            if (_client is not null)
            {
                return _client;
            }

            // A service that would not start once is not tried again for every page.
            if (_failedStart is not null)
            {
                throw new InvalidOperationException("The Nu HTML Checker's service did not start (see the first failed check).", _failedStart);
            }

            _directory = Directory.CreateTempSubdirectory("newsportal-vnu-").FullName;
            _guard = new ProcessGuard(_directory);
            var port = Loopback.FreePort();
            var client = new HttpClient { BaseAddress = Loopback.Url(port), Timeout = TimeSpan.FromMinutes(2) };
            // The service answers 400 to a request without a User-Agent.
            client.DefaultRequestHeaders.UserAgent.ParseAdd("NewsPortal.BrowserTests");
            string[] arguments =
            [
                "-Dnu.validator.servlet.bind-address=127.0.0.1", "-cp", Jar, "nu.validator.servlet.Main", port.ToString(CultureInfo.InvariantCulture),
            ];
            try
            {
                _service = await ChildProcess.RestartAsync(
                null,
                _guard,
                ("java", arguments, _directory, Path.Combine(_directory, "vnu.log")),
                null,
                async () => await AnswersAsync(client),
                TimeSpan.FromMinutes(2),
                "The Nu HTML Checker's service");
            }
            catch (InvalidOperationException failed)
            {
                _failedStart = failed;
                client.Dispose();
                throw;
            }

            _client = client;
            return client;
        }
        finally
        {
            _starting.Release();
        }
    }

    private static async Task<bool> AnswersAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
