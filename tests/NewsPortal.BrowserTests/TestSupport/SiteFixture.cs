using System.Collections.Concurrent;

[assembly: AssemblyFixture(typeof(NewsPortal.BrowserTests.TestSupport.SiteFixture))]

namespace NewsPortal.BrowserTests.TestSupport;

/// <summary>
/// The real site on a real Kestrel port (random), on its own SQLite file, and one headless Debian Chromium
/// shared by every test. Without Chromium the tests are skipped with a clear message, except under CI=true,
/// where they fail.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string ModeratorEmail = "moderator@browser.test";
    public const string EditorEmail = "admin@browser.test";
    public const string ReporterEmail = "reporter@browser.test";
    public const string Password = "browser tests password";

    /// <summary>An article with a discussion long enough for three comment pages (see <see cref="ThreadsPerPage"/>).</summary>
    public const string LongDiscussionSlug = "browser-long-discussion";
    public const int ThreadsPerPage = 5;
    public const int LongDiscussionThreads = 12;

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"newsportal-browser-{Guid.NewGuid():N}.db");
    private Factory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly ConcurrentDictionary<string, Task<string>> _sessions = new(StringComparer.Ordinal);

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>A published comment of the long discussion ("Thread 1") that the quality pages report; never decided.</summary>
    public int ReportableCommentId { get; private set; }

    /// <summary>A reporter's story waiting for review (the quality pages open it as an editor).</summary>
    public int ReviewStoryId { get; private set; }

    /// <summary>A working preview link (path and token) to <see cref="ReviewStoryId"/>.</summary>
    public string PreviewPath { get; private set; } = string.Empty;

    /// <summary>
    /// A quality page's address with <c>{reportable}</c> replaced by <see cref="ReportableCommentId"/>, <c>{review}</c>
    /// by <see cref="ReviewStoryId"/> and <c>{preview}</c> by <see cref="PreviewPath"/>.
    /// </summary>
    public string Resolve(string url) => url
        .Replace("{reportable}", ReportableCommentId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{review}", ReviewStoryId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{preview}", PreviewPath, StringComparison.Ordinal);

    public static bool ChromiumInstalled => File.Exists(ChromiumPath);

    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where screenshots go: the test output folder.</summary>
    public static string OutputFolder => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser did not start.");

    /// <summary>The site's services; like <see cref="NewContextAsync"/>, skips the test (under CI fails it) without Chromium, where no site runs.</summary>
    public IServiceProvider Services
    {
        get
        {
            RequireBrowser();
            return _factory!.Services;
        }
    }

    /// <summary>Runs <paramref name="work"/> on a database context of the site's, in a scope of its own.</summary>
    public async Task<T> WithDbAsync<T>(Func<NewsDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<NewsDbContext>());
    }

    /// <summary>Skips the test (or, under CI, fails it) when there is no Chromium: <see cref="NewContextAsync"/> and <see cref="Services"/> call it, so a test need not.</summary>
    public void RequireBrowser()
    {
        if (_browser is not null)
        {
            return;
        }

        if (UnderCi)
        {
            throw new InvalidOperationException($"CI=true but Chromium is not installed at {ChromiumPath}: browser tests must run in CI. Install it with 'apt-get install -y chromium'.");
        }

        Assert.Skip($"Browser tests skipped: Chromium is not installed at {ChromiumPath} (apt-get install -y chromium). Under CI=true they run.");
    }

    public async ValueTask InitializeAsync()
    {
        if (!ChromiumInstalled)
        {
            return;
        }

        // Site:PublicUrl is required outside Development and must be the address the browser opens (redirects are
        // absolute on it), so the port is chosen before the server starts.
        var port = Loopback.FreePort();
        _factory = new Factory(_databasePath, $"http://127.0.0.1:{port}");
        _factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, port));
        _factory.StartServer();
        BaseUrl = _factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            foreach (var (email, roles) in new[] { (ModeratorEmail, new[] { Roles.Moderator }), (EditorEmail, new[] { Roles.Admin }), (ReporterEmail, new[] { Roles.Reporter }) })
            {
                var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Browser Tester" };
                await users.CreateAsync(user, Password);
                await users.AddToRolesAsync(user, roles);
            }

            await SiteContent.LongDiscussionAsync(scope.ServiceProvider.GetRequiredService<NewsDbContext>());
            ReportableCommentId = await SiteContent.ReportsAsync(scope.ServiceProvider.GetRequiredService<NewsDbContext>());
            await SiteContent.RevisionsAsync(scope.ServiceProvider.GetRequiredService<NewsDbContext>());

            (ReviewStoryId, PreviewPath) = await SiteContent.NewsroomAsync(scope.ServiceProvider);
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900, bool javaScript = true) =>
        OpenContextAsync(width, height, javaScript, storageState: null);

    /// <summary>
    /// A context holding <paramref name="email"/>'s signed-in session. The account signs in through the login form once
    /// a run (<see cref="SignedInPageAsync"/>); every later context starts with that session's cookies, as a browser
    /// opened again does. For pages that are checked, not for journeys that are about signing in.
    /// </summary>
    public async Task<IBrowserContext> SignedInContextAsync(string email)
    {
        var signingIn = _sessions.GetOrAdd(email, async account =>
        {
            await using var first = await NewContextAsync();
            await SignedInPageAsync(first, account);
            return await first.StorageStateAsync();
        });
        string session;
        try
        {
            session = await signingIn;
        }
        catch
        {
            // A sign-in that failed is not handed to every later test: the next one tries again.
            _sessions.TryRemove(new KeyValuePair<string, Task<string>>(email, signingIn));
            throw;
        }

        return await OpenContextAsync(1280, 900, javaScript: true, session);
    }

    private async Task<IBrowserContext> OpenContextAsync(int width, int height, bool javaScript, string? storageState)
    {
        RequireBrowser();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            StorageState = storageState,
        });

        // CI shares two cores between the site, the browser and the other test projects.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    /// <summary>Signs in through the login form, as a person does.</summary>
    public static async Task<IPage> SignedInPageAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", Password);
        IResponse? response = null;
        await page.LoadsNewDocumentAsync(async () => response = await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync("main form button[type=submit]"),
            r => r.Request.Method == "POST" && r.Url.Contains("/account/login", StringComparison.Ordinal)));
        if (response!.Status != 302 || page.Url.Contains("/account/login", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Signing in as {email} failed ({response.Status}), the page shows {page.Url}.");
        }

        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }

    private sealed class Factory(string databasePath, string publicUrl) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseStaticWebAssets();
            builder.UseSetting("Site:PublicUrl", publicUrl);
            builder.UseSetting("ConnectionStrings:NewsPortal", $"Data Source={databasePath}");
            builder.UseSetting("Weather:Enabled", "false");
            builder.UseSetting("Comments:MinSecondsToPost", "0");
            builder.UseSetting("Comments:PostsPerMinutePerIp", "10000");
            builder.UseSetting("Comments:ReportsPerHourPerIp", "10000");
            builder.UseSetting("SignIn:AttemptsPerMinutePerIp", "10000");
            builder.UseSetting("SignIn:AttemptsPerQuarterHourPerAccount", "10000");
            builder.UseSetting("Comments:ThreadsPerPage", ThreadsPerPage.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.UseSetting("Smtp:PickupDirectory", Path.Combine(Path.GetTempPath(), $"newsportal-browser-mail-{Guid.NewGuid():N}"));
            builder.UseSetting("Import:Folder", Path.Combine(Path.GetTempPath(), $"newsportal-browser-imports-{Guid.NewGuid():N}"));
        }
    }
}
