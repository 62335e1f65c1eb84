using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.TestSupport;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.AdminComments;
using NewsPortal.Web.Features.Search;
using Serilog.Core;

namespace NewsPortal.IntegrationTests.Infrastructure.Telemetry;

/// <summary>
/// The site's meters move when things happen, read back as Prometheus reads them. Alone, because the site's counters
/// are process-wide: another test's comment would move them too.
/// </summary>
[CollectionDefinition(nameof(MetricsCollection), DisableParallelization = true)]
public sealed class MetricsCollection : ICollectionFixture<MetricsSite>;

/// <summary>The site on a real Kestrel port for readers, with <c>Metrics:Port</c> set to a second one.</summary>
public sealed class MetricsSite : IAsyncLifetime
{
    public CapturedLog Log { get; } = new();

    public NewsPortalFactory Factory { get; private set; } = null!;

    public Uri Readers { get; private set; } = null!;

    public Uri Metrics { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var port = FreePort();
        Factory = new NewsPortalFactory { ConfigureServices = services => services.AddSingleton<ILogEventSink>(Log) };
        Factory.Settings["Metrics:Port"] = port.ToString(CultureInfo.InvariantCulture);
        Factory.Settings["Search:MaxConcurrent"] = "1";
        Factory.Settings["Search:MaxWaitSeconds"] = "0";
        Factory.Settings["Search:RequestsPerMinutePerIp"] = "100000";
        Factory.Settings["Privacy:RequestsPerHourPerIp"] = "1";
        Factory.Settings["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Information";
        Factory.UseKestrel(0);
        Factory.StartServer();
        Readers = Factory.ClientOptions.BaseAddress;
        Metrics = new Uri($"http://127.0.0.1:{port}/");
        using var client = new HttpClient { BaseAddress = Readers };
        await client.GetAsync(new Uri("/", UriKind.Relative));
    }

    private readonly List<(NewsPortalFactory Site, Action? Then)> _others = [];

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        foreach (var (site, then) in _others)
        {
            await site.DisposeAsync();
            then?.Invoke();
        }
    }

    /// <summary>
    /// A second site in this process for a test whose event happens there, kept until the collection ends. Each host
    /// has its own ASP.NET Core meters under the same names as this one's; OpenTelemetry keeps one stream per name, and
    /// a host disposed half-way takes that stream out of this site's scrape (http_server_* would vanish).
    /// <paramref name="then"/> runs once the site is disposed (a folder to delete).
    /// </summary>
    public NewsPortalFactory Other(NewsPortalFactory site, Action? then = null)
    {
        _others.Add((site, then));
        return site;
    }

    /// <summary>
    /// A port nobody listens on now. Metrics:Port is fixed by design (Prometheus is told it), so the test takes one the
    /// system just handed out and gave back.
    /// </summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public HttpClient Reader() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Readers };

    /// <summary>The scrape's text, as Prometheus gets it.</summary>
    public async Task<string> ScrapeAsync()
    {
        using var client = new HttpClient { BaseAddress = Metrics };
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The scrape answered {(int)response.StatusCode}: {text}");
        return text;
    }

    /// <summary>The value of one series (name and exact label set as the exporter writes them), 0 when absent.</summary>
    public async Task<double> ValueAsync(string series) => ValueIn(await ScrapeAsync(), series);

    public static double ValueIn(string scrape, string series)
    {
        foreach (var line in scrape.Split('\n'))
        {
            if (line.StartsWith(series + " ", StringComparison.Ordinal) || SameSeries(line, series))
            {
                // name{labels} value [timestamp]; label values here never hold a space or a brace.
                var rest = line.Contains('{', StringComparison.Ordinal) ? line[(line.LastIndexOf('}') + 1)..] : line[line.IndexOf(' ', StringComparison.Ordinal)..];
                var value = rest.Trim().Split(' ')[0];
                return double.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    /// <summary>The exporter adds labels of its own (otel_scope_name and the like); the series is matched on those asked for.</summary>
    private static bool SameSeries(string line, string series)
    {
        var name = series.Split('{')[0];
        if (!line.StartsWith(name + "{", StringComparison.Ordinal))
        {
            return false;
        }

        var wanted = series.Contains('{', StringComparison.Ordinal) ? series[(name.Length + 1)..^1].Split(',') : [];
        var labels = line[(name.Length + 1)..line.IndexOf('}', StringComparison.Ordinal)];
        return wanted.All(w => labels.Split(',').Contains(w));
    }

    /// <summary>
    /// Waits (bounded: 10 s, or <paramref name="within"/> for work done in the background) until the series has moved
    /// past <paramref name="before"/>, and says what it saw if not.
    /// </summary>
    public async Task<double> MovedAsync(string series, double before, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        string scrape;
        do
        {
            scrape = await ScrapeAsync();
            var now = ValueIn(scrape, series);
            if (now > before)
            {
                return now;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < until);

        var seen = string.Join('\n', scrape.Split('\n').Where(l => l.StartsWith(series.Split('{')[0], StringComparison.Ordinal)));
        Assert.Fail($"{series} stayed at {before}. The scrape had:\n{seen}");
        return before;
    }
}

[Collection(nameof(MetricsCollection))]
public sealed class MetricsTests
{
    private readonly MetricsSite _site;

    public MetricsTests(MetricsSite site) => _site = site;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Scrape_OnTheMetricsPort_IsPrometheusTextWithTheSitesMeters()
    {
        using var client = new HttpClient { BaseAddress = _site.Metrics };
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("newsportal_reader_cache_lookups_total", text, StringComparison.Ordinal);
        Assert.Equal(1, MetricsSite.ValueIn(text, "newsportal_reader_cache_sync{state=\"single\"}"));
    }

    [Fact]
    public async Task Metrics_OnTheReadersPort_Is404()
    {
        using var reader = _site.Reader();

        using var response = await reader.GetAsync(new Uri("/metrics", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("newsportal_", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetricsPort_ServesNothingButTheScrape()
    {
        using var client = new HttpClient { BaseAddress = _site.Metrics };

        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), Cancel);
        using var health = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, home.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, health.StatusCode);
    }

    [Fact]
    public async Task CommentPost_HeldByPreModeration_MovesPostedHeld()
    {
        const string series = "newsportal_comments_posted_total{outcome=\"held\",rule=\"pre_moderation\"}";
        var slug = (await _site.Factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var before = await _site.ValueAsync(series);

        await PostCommentAsync(slug, "Ada", "ada@example.com", "A thoughtful remark.");

        Assert.Equal(before + 1, await _site.MovedAsync(series, before));
    }

    [Fact]
    public async Task CommentPost_WithAnEmptyBody_MovesPostedRefusedInvalid()
    {
        const string series = "newsportal_comments_posted_total{outcome=\"refused\",rule=\"invalid\"}";
        var slug = (await _site.Factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var before = await _site.ValueAsync(series);

        await PostCommentAsync(slug, "Ada", "ada@example.com", "   ");

        Assert.Equal(before + 1, await _site.MovedAsync(series, before));
    }

    [Fact]
    public async Task Decision_ApprovingAHeldComment_MovesDecidedPendingToApproved()
    {
        const string series = "newsportal_comments_decided_total{from=\"pending\",to=\"approved\"}";
        var id = await _site.Factory.WithDbAsync(async db =>
        {
            var article = await new ArticleBuilder().SaveAsync(db);
            var comment = new Comment
            {
                ArticleId = article.Id,
                AuthorName = "Held",
                AuthorEmail = "held@example.com",
                BodyHtml = "<p>Held.</p>",
                Status = CommentStatus.Pending,
                CreatedAt = DateTime.UtcNow.AddMinutes(-5),
            };
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            return comment.Id;
        });
        var before = await _site.ValueAsync(series);
        const string waits = "newsportal_moderation_decision_seconds_count{to=\"approved\"}";
        var waitsBefore = await _site.ValueAsync(waits);

        // The moderator's decision as the admin controller makes it (the staff cookie is Secure, so no plain-http browser).
        await using (var scope = _site.Factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<ModerationService>()
                .ApplyAsync(id, ModerationAction.Approve, seenVersion: null, "moderator@test.example", Cancel);
            Assert.Equal(ModerationOutcome.Changed, result.Outcome);
        }

        Assert.Equal(before + 1, await _site.MovedAsync(series, before));
        Assert.Equal(waitsBefore + 1, await _site.MovedAsync(waits, waitsBefore));
    }

    [Fact]
    public async Task QueueGauges_WithAHeldCommentTwoHoursOld_CountTheQueueAndItsOldestWait()
    {
        await _site.Factory.WithDbAsync(async db =>
        {
            var article = await new ArticleBuilder().SaveAsync(db);
            db.Comments.Add(new Comment
            {
                ArticleId = article.Id,
                AuthorName = "Waiting",
                AuthorEmail = "waiting@example.com",
                BodyHtml = "<p>Waiting.</p>",
                Status = CommentStatus.Pending,
                CreatedAt = DateTime.UtcNow.AddHours(-2),
            });
            await db.SaveChangesAsync();
        });
        var pending = await _site.Factory.WithDbAsync(db => db.Comments.CountAsync(c => c.Status == CommentStatus.Pending));

        var scrape = await _site.ScrapeAsync();

        Assert.Equal(pending, MetricsSite.ValueIn(scrape, "newsportal_moderation_queue"));
        var oldest = MetricsSite.ValueIn(scrape, "newsportal_moderation_oldest_pending_seconds");
        Assert.True(oldest >= 7200, $"The oldest held comment waited 2 hours; the gauge says {oldest} s.");
    }

    [Fact]
    public async Task Report_FromAReader_MovesReportsReceived()
    {
        const string series = "newsportal_reports_received_total";
        var (slug, commentId) = await _site.Factory.PublishedCommentAsync();
        var before = await _site.ValueAsync(series);
        using var reader = _site.Reader();

        var response = await Reports.ReportAsync(reader, slug, commentId, "Spam");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(before + 1, await _site.MovedAsync(series, before));
    }

    [Fact]
    public async Task Search_WithEverySlotBusy_MovesSearchRejected()
    {
        const string series = "newsportal_search_rejected_total";
        var before = await _site.ValueAsync(series);
        var requestsBefore = await _site.ValueAsync("newsportal_search_requests_total");
        using var reader = _site.Reader();

        HttpResponseMessage busy;
        using (await _site.Factory.Services.GetRequiredService<SearchGate>().EnterAsync(Cancel))
        {
            busy = await reader.GetAsync(new Uri("/search?q=zq" + Guid.NewGuid().ToString("N")[..10], UriKind.Relative), Cancel);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal(before + 1, await _site.MovedAsync(series, before));
        Assert.Equal(requestsBefore + 1, await _site.MovedAsync("newsportal_search_requests_total", requestsBefore));
    }

    [Fact]
    public async Task ArticlePage_FirstAndSecondRead_MovesCacheMissesThenHits()
    {
        const string misses = "newsportal_reader_cache_lookups_total{result=\"miss\"}";
        const string hits = "newsportal_reader_cache_lookups_total{result=\"hit\"}";
        var slug = (await _site.Factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        using var reader = _site.Reader();
        var missesBefore = await _site.ValueAsync(misses);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri($"/news/{slug}", UriKind.Relative), Cancel)).StatusCode);
        await _site.MovedAsync(misses, missesBefore);
        var hitsBefore = await _site.ValueAsync(hits);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri($"/news/{slug}", UriKind.Relative), Cancel)).StatusCode);

        await _site.MovedAsync(hits, hitsBefore);
    }

    [Fact]
    public async Task PrivacyPosts_OverTheLimit_MoveRateLimitRejectedForThePrivacyPolicy()
    {
        const string series = "newsportal_rate_limit_rejected_total{policy=\"privacy\"}";
        var before = await _site.ValueAsync(series);
        using var reader = _site.Reader();

        // One post an hour (the fixture's limit): the second, whatever the first answered, is the 429.
        using var first = await reader.PostAsync(new Uri("/privacy", UriKind.Relative), new FormUrlEncodedContent([]), Cancel);
        using var second = await reader.PostAsync(new Uri("/privacy", UriKind.Relative), new FormUrlEncodedContent([]), Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(before + 1, await _site.MovedAsync(series, before));
    }

    [Fact]
    public async Task OutboxGauge_CountsFailedMail_AsTheDatabaseHoldsIt()
    {
        await _site.Factory.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(OutboxRows.Message(OutboxStatus.Failed, DateTime.UtcNow, DateTime.UtcNow));
            await db.SaveChangesAsync();
        });
        var failed = await _site.Factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Failed));

        Assert.Equal(failed, await _site.ValueAsync("newsportal_outbox_messages{state=\"failed\"}"));
    }

    [Fact]
    public async Task ReportDecision_DismissingTwoReports_MovesReportsDecidedByTwo()
    {
        const string series = "newsportal_reports_decided_total{decision=\"dismissed\"}";
        var (slug, commentId) = await _site.Factory.PublishedCommentAsync();
        using (var first = _site.Reader())
        using (var second = _site.Reader())
        {
            // Two readers: one reader's second report of a comment is not stored.
            first.DefaultRequestHeaders.Add(NewsPortalFactory.PeerHeader, "203.0.113.21");
            second.DefaultRequestHeaders.Add(NewsPortalFactory.PeerHeader, "203.0.113.22");
            Assert.Equal(HttpStatusCode.SeeOther, (await Reports.ReportAsync(first, slug, commentId, "Spam")).StatusCode);
            Assert.Equal(HttpStatusCode.SeeOther, (await Reports.ReportAsync(second, slug, commentId, "Abuse")).StatusCode);
        }

        var version = await _site.Factory.WithDbAsync(db => db.Comments.Where(c => c.Id == commentId).Select(c => c.Version).SingleAsync());
        var before = await _site.ValueAsync(series);

        await using (var scope = _site.Factory.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<ReportModerationService>()
                .DecideAsync(commentId, ReportDecision.Dismissed, new ReportDecisionForm { Version = version }, "moderator@test.example", Cancel);
            Assert.Equal(DecisionOutcome.Decided, outcome);
        }

        Assert.Equal(before + 2, await _site.MovedAsync(series, before + 1));
    }

    [Fact]
    public async Task Search_ThatFindsNothing_RecordsItsDurationAsNone()
    {
        const string series = "newsportal_search_duration_seconds_count{outcome=\"none\"}";
        var before = await _site.ValueAsync(series);
        using var reader = _site.Reader();

        using var response = await reader.GetAsync(new Uri("/search?q=zq" + Guid.NewGuid().ToString("N")[..10], UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, await _site.MovedAsync(series, before));
    }

    [Fact]
    public async Task ArticlePage_FirstRead_MovesSharedRenders()
    {
        const string series = "newsportal_reader_cache_renders_total";
        var slug = (await _site.Factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var before = await _site.ValueAsync(series);
        using var reader = _site.Reader();

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri($"/news/{slug}", UriKind.Relative), Cancel)).StatusCode);

        await _site.MovedAsync(series, before);
    }

    [Fact]
    public async Task ImportProgress_WithAKindOutsideTheFixedSet_IsCountedAsOther()
    {
        const string articles = "newsportal_import_items_total{kind=\"article\",outcome=\"imported\"}";
        const string other = "newsportal_import_items_total{kind=\"other\",outcome=\"imported\"}";
        var before = await _site.ValueAsync(articles);
        var otherBefore = await _site.ValueAsync(other);

        NewsPortal.Web.Infrastructure.Telemetry.SiteMetrics.ImportProgress("article", "imported", 3);
        NewsPortal.Web.Infrastructure.Telemetry.SiteMetrics.ImportProgress("Jane Doe's post", "imported");

        Assert.Equal(before + 3, await _site.MovedAsync(articles, before + 2));
        Assert.Equal(otherBefore + 1, await _site.MovedAsync(other, otherBefore));
        Assert.DoesNotContain("Jane", await _site.ScrapeAsync(), StringComparison.Ordinal);
    }

    /// <summary>A second site in this process whose SMTP server refuses connections: the site's counters are process-wide.</summary>
    [Fact]
    public async Task MailSend_ToAnSmtpServerThatIsDown_MovesOutboxFailures()
    {
        const string series = "newsportal_outbox_failures_total{result=\"retry\"}";
        var before = await _site.ValueAsync(series);
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var mailing = _site.Other(new NewsPortalFactory());
        mailing.Settings["Smtp:Host"] = "127.0.0.1";
        mailing.Settings["Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture);
        mailing.Settings["Smtp:Security"] = "None";
        mailing.Settings["Smtp:From"] = "site@test.example";
        mailing.Settings["Outbox:PollInterval"] = "00:00:01";
        await mailing.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(OutboxRows.Message(OutboxStatus.Pending, DateTime.UtcNow, DateTime.UtcNow.AddSeconds(-1)));
            await db.SaveChangesAsync();
        });

        Assert.True(await _site.MovedAsync(series, before) > before);
    }

    [Fact]
    public async Task Scrape_AfterPersonalDataWasPostedAndSearched_HoldsNoneOfIt()
    {
        var canary = "cn" + Guid.NewGuid().ToString("N")[..12];
        var (slug, commentId) = await _site.Factory.PublishedCommentAsync();
        using var reader = _site.Reader();
        reader.DefaultRequestHeaders.UserAgent.ParseAdd($"Agent-{canary}/1.0");

        await PostCommentAsync(slug, $"Name {canary}", $"{canary}@example.com", $"Body {canary} with words.", reader);
        await PostCommentAsync(slug, $"Name {canary}", $"{canary}@example.com", $"Contains the blocked {canary}", reader);
        await reader.GetAsync(new Uri($"/search?q={canary}", UriKind.Relative), Cancel);
        await Reports.ReportAsync(reader, slug, commentId, "Other", explanation: $"Explained {canary}", email: $"{canary}@example.org");
        await reader.GetAsync(new Uri($"/news/{canary}", UriKind.Relative), Cancel);

        var scrape = await _site.ScrapeAsync();
        Assert.DoesNotContain(canary, scrape, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("example.com", scrape, StringComparison.OrdinalIgnoreCase);
        // Here the reader's address is the loopback the site itself listens on, so the address is checked by label: no
        // series about the site's requests is labelled with the client's address. (HttpClient's own series, http_client_*,
        // name the server the site called, such as the weather service; in this process also the test's own calls.)
        var served = scrape.Split('\n').Where(l => !l.StartsWith("http_client_", StringComparison.Ordinal) && !l.StartsWith('#')).ToList();
        Assert.DoesNotContain(served, l => l.Contains("client_address", StringComparison.Ordinal) || l.Contains("peer_address", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RequestLog_ForARequestWithATraceParent_CarriesItsTraceId()
    {
        var traceId = System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString();
        using var reader = _site.Reader();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/about-trace-" + traceId[..8], UriKind.Relative));
        request.Headers.Add("traceparent", $"00-{traceId}-{System.Diagnostics.ActivitySpanId.CreateRandom().ToHexString()}-01");

        await reader.SendAsync(request, Cancel);

        var logged = await _site.Log.RequestLoggedAsync("/about-trace-" + traceId[..8], TimeSpan.FromSeconds(10));
        Assert.NotNull(logged);
        Assert.Equal($"\"{traceId}\"", logged.Properties.TryGetValue("TraceId", out var id) ? id.ToString() : "(none)");
        Assert.True(logged.Properties.ContainsKey("SpanId"));
    }

    private async Task PostCommentAsync(string slug, string name, string email, string body, HttpClient? client = null)
    {
        using var own = client is null ? _site.Reader() : null;
        var reader = client ?? own!;
        var (_, page) = await Html.GetAsync(reader, $"/news/{slug}");
        var response = await Html.SubmitAsync(reader, Html.CommentForm(page), new Dictionary<string, string> { ["Name"] = name, ["Email"] = email, ["Body"] = body });
        Assert.True((int)response.StatusCode < 500, $"The post answered {(int)response.StatusCode}.");
    }
}

/// <summary>
/// The real program, as an operator starts it: the readers' <c>--urls</c> still serve the site beside the metrics
/// port, and a metrics port something else holds stops it with a message naming the key.
/// </summary>
public sealed class MetricsProgramTests
{
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static System.Diagnostics.Process Start(int readersPort, int metricsPort)
    {
        var app = typeof(Program).Assembly.Location;
        var info = new System.Diagnostics.ProcessStartInfo("dotnet", [app, "--urls", $"http://127.0.0.1:{readersPort}"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetDirectoryName(app)!,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Weather__Enabled"] = "false";
        info.Environment["Site__PublicUrl"] = "https://news.example.com";
        info.Environment["Seed__SampleContent"] = "false";
        info.Environment["Metrics__Port"] = metricsPort.ToString(CultureInfo.InvariantCulture);
        info.Environment["ConnectionStrings__NewsPortal"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"metrics-{Guid.NewGuid():N}.db")}";
        return System.Diagnostics.Process.Start(info)!;
    }

    [Fact]
    public async Task Program_WithUrlsAndMetricsPort_ServesReadersOnTheUrlsAndTheScrapeOnlyOnTheMetricsPort()
    {
        int readersPort = FreePort(), metricsPort = FreePort();
        using var process = Start(readersPort, metricsPort);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        try
        {
            using var client = new HttpClient();
            var readers = new Uri($"http://127.0.0.1:{readersPort}/");
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            HttpResponseMessage? health = null;
            while (health is null && DateTime.UtcNow < until && !process.HasExited)
            {
                try
                {
                    health = await client.GetAsync(new Uri(readers, "/healthz"), TestContext.Current.CancellationToken);
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200, TestContext.Current.CancellationToken);
                }
            }

            Assert.True(health?.StatusCode == HttpStatusCode.OK, $"The readers' URL never answered /healthz (exited: {process.HasExited}).");
            using var scrape = await client.GetAsync(new Uri($"http://127.0.0.1:{metricsPort}/metrics"), TestContext.Current.CancellationToken);
            using var onReaders = await client.GetAsync(new Uri(readers, "/metrics"), TestContext.Current.CancellationToken);
            using var siteOnMetrics = await client.GetAsync(new Uri($"http://127.0.0.1:{metricsPort}/healthz"), TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
            Assert.Contains("http_server_request_duration_seconds", await scrape.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, onReaders.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, siteOnMetrics.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            _ = await stderr;
            _ = await stdout;
        }
    }

    [Fact]
    public async Task Program_WithTheMetricsPortTaken_ExitsNamingMetricsPort()
    {
        using var taken = new TcpListener(IPAddress.Any, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var process = Start(FreePort(), port);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);

        await process.WaitForExitAsync(timeout.Token);
        var error = await stderr;
        _ = await stdout;

        Assert.True(process.ExitCode == 1, $"Exit code {process.ExitCode}: {error}");
        Assert.Contains($"NewsPortal cannot start: Metrics:Port: cannot listen on port {port}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
