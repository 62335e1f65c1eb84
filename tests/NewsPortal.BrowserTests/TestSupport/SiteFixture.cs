using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Infrastructure.Identity;

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

    public IServiceProvider Services => _factory!.Services;

    /// <summary>Call first in every test: skips (or, under CI, fails) when there is no Chromium.</summary>
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
        var port = FreeLoopbackPort();
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

            await SeedLongDiscussionAsync(scope.ServiceProvider.GetRequiredService<NewsDbContext>());
            ReportableCommentId = await SeedReportsAsync(scope.ServiceProvider.GetRequiredService<NewsDbContext>());
            await SeedRevisionsAsync(scope.ServiceProvider.GetRequiredService<NewsDbContext>());

            (ReviewStoryId, PreviewPath) = await SeedNewsroomAsync(scope.ServiceProvider);
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// A reporter's story waiting for review (with its note, a preview link and its history) and a correction on the
    /// first sample story, so the review pages, the preview page and the article page's notes have something to show.
    /// </summary>
    private static async Task<(int StoryId, string PreviewPath)> SeedNewsroomAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<NewsDbContext>();
        var now = DateTime.UtcNow;
        var reporterId = await db.Users.Where(u => u.Email == ReporterEmail).Select(u => u.Id).SingleAsync();
        var sample = await db.Articles.OrderBy(a => a.Id).FirstAsync();
        var story = new Article
        {
            Slug = "browser-review-story",
            Headline = "Ferry timetable changes from spring",
            Standfirst = "Fewer sailings at night, more at the weekend.",
            BodyHtml = "<p>The ferry company will change its timetable.</p>",
            Status = ArticleStatus.Draft,
            CreatedAt = now.AddHours(-3),
            CreatedById = reporterId,
            SubmittedAt = now.AddHours(-2),
            SubmissionNote = "Checked the figures with the company.",
            AuthorId = sample.AuthorId,
            CategoryId = sample.CategoryId,
        };
        db.Articles.Add(story);
        db.ArticleEvents.Add(new ArticleEvent { Article = story, Kind = ArticleEventKinds.Submitted, Actor = "Browser Reporter", At = now.AddHours(-2), Note = story.SubmissionNote });
        var link = new ArticlePreviewLink { Article = story, CreatedAt = now, ExpiresAt = now.AddDays(7), CreatedBy = "Browser Tester" };
        db.ArticlePreviewLinks.Add(link);
        db.ArticleNotes.Add(new ArticleNote { ArticleId = sample.Id, Kind = ArticleNoteKind.Correction, Text = "An earlier version misnamed the sea.", CreatedAt = now, CreatedBy = "Browser Tester" });
        await db.SaveChangesAsync();
        var token = await services.GetRequiredService<NewsPortal.Web.Infrastructure.Mail.LinkSigner>()
            .SignAsync(NewsPortal.Web.Features.AdminArticles.ArticlePreviewLinks.Purpose, link.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromDays(7));
        return (story.Id, $"/preview/{token}");
    }

    /// <summary>
    /// Readers' reports on the long discussion's last thread (one of them for illegal content, one already decided), so
    /// the reported queue and the transparency summary have something to show; returns the first thread's id.
    /// </summary>
    private static async Task<int> SeedReportsAsync(NewsDbContext db)
    {
        var threads = await db.Comments.Where(c => c.Article.Slug == LongDiscussionSlug && c.ParentId == null).OrderBy(c => c.CreatedAt).ToListAsync();
        var reported = threads[^1];
        var now = DateTime.UtcNow;
        reported.ReportPriority = 0;
        reported.ReportedAt = now.AddHours(-3);
        db.CommentReports.AddRange(
            new CommentReport { CommentId = reported.Id, Reason = ReportReason.Spam, ReaderKey = new string('1', 64), CreatedAt = now.AddHours(-3) },
            new CommentReport { CommentId = reported.Id, Reason = ReportReason.Illegal, Explanation = "It repeats a court-suppressed name.", ReporterEmail = "reporter@browser.test", ReaderKey = new string('2', 64), CreatedAt = now.AddHours(-2) },
            new CommentReport
            {
                CommentId = threads[^2].Id,
                Reason = ReportReason.OffTopic,
                ReaderKey = new string('3', 64),
                CreatedAt = now.AddDays(-1),
                Decision = ReportDecision.Dismissed,
                DecidedAt = now.AddHours(-20),
                DecidedBy = EditorEmail,
            });
        await db.SaveChangesAsync();
        return threads[0].Id;
    }

    /// <summary>Twelve threads ("Thread 1" oldest), each answered, and one exchange six replies deep.</summary>
    /// <summary>Two revisions of article 1, so its revisions page has a list and a diff to check.</summary>
    private static async Task SeedRevisionsAsync(NewsDbContext db)
    {
        var article = await db.Articles.Include(a => a.Category).Include(a => a.Author).SingleAsync(a => a.Id == 1);
        ArticleRevision Revision(string headline, string body, DateTime at, bool published) => new()
        {
            ArticleId = article.Id,
            CreatedAt = at,
            CreatedBy = EditorEmail,
            CreatedByName = "Browser Tester",
            ChangedFields = "Headline, Body",
            IsPublished = published,
            Headline = headline,
            Standfirst = article.Standfirst,
            BodyHtml = body,
            CategoryId = article.CategoryId,
            SectionName = article.Category.Name,
            AuthorId = article.AuthorId,
            Bylines = article.Author.Name,
            Status = article.Status,
        };
        db.ArticleRevisions.AddRange(
            Revision(article.Headline + " (first draft)", "<p>An earlier text of the story.</p>", DateTime.UtcNow.AddHours(-2), false),
            Revision(article.Headline, article.BodyHtml, DateTime.UtcNow.AddHours(-1), true));
        await db.SaveChangesAsync();
    }

    private static async Task SeedLongDiscussionAsync(NewsDbContext db)
    {
        var category = await db.Categories.OrderBy(c => c.Id).FirstAsync();
        var author = await db.Authors.OrderBy(a => a.Id).FirstAsync();
        var now = DateTime.UtcNow;
        var article = new Article
        {
            Slug = LongDiscussionSlug,
            Headline = "A long discussion about the harbour plans",
            Standfirst = "Readers have plenty to say.",
            BodyHtml = "<p>The harbour board published its plans on Monday.</p>",
            Status = ArticleStatus.Published,
            PublishedAt = now.AddDays(-2),
            CreatedAt = now.AddDays(-2),
            CategoryId = category.Id,
            AuthorId = author.Id,
            CommentsOpen = true,
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync();

        Comment? parent = null;
        for (var i = 1; i <= LongDiscussionThreads; i++)
        {
            var root = new Comment
            {
                ArticleId = article.Id,
                AuthorName = $"Reader {i}",
                AuthorEmail = $"reader{i}@browser.test",
                BodyHtml = $"<p>Thread {i}: a point about the harbour.</p>",
                Status = CommentStatus.Approved,
                CreatedAt = now.AddDays(-1).AddMinutes(i),
            };
            db.Comments.Add(root);
            await db.SaveChangesAsync();
            db.Comments.Add(new Comment
            {
                ArticleId = article.Id,
                ParentId = root.Id,
                AuthorName = "Harbour Board",
                AuthorEmail = "board@browser.test",
                BodyHtml = $"<p>Thanks, reader {i}.</p>",
                Status = CommentStatus.Approved,
                CreatedAt = root.CreatedAt.AddHours(1),
            });
            parent ??= root;
        }

        for (var depth = 1; depth <= 6; depth++)
        {
            var reply = new Comment
            {
                ArticleId = article.Id,
                ParentId = parent!.Id,
                AuthorName = $"Deep Reader {depth}",
                AuthorEmail = $"deep{depth}@browser.test",
                BodyHtml = $"<p>Reply at depth {depth + 1}, with a fairly long sentence so that a narrow phone screen has to wrap it.</p>",
                Status = CommentStatus.Approved,
                CreatedAt = now.AddHours(-12 + depth),
            };
            db.Comments.Add(reply);
            await db.SaveChangesAsync();
            parent = reply;
        }
    }

    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
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

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
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
