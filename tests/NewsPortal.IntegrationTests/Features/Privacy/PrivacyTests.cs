using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.AdminComments;
using NewsPortal.Web.Features.Notifications;
using NewsPortal.Web.Features.Privacy;
using NewsPortal.Web.Infrastructure.Mail;
using Serilog.Core;

namespace NewsPortal.IntegrationTests.Features.Privacy;

/// <summary>
/// The privacy notice, export and erasure by a mailed signed link (and by staff from the queue), the retention job on
/// a fake clock, and logs that never carry an address, a comment's text or a token.
/// </summary>
public sealed class PrivacyTests : IAsyncLifetime
{
    private const string Canary = "canary.7f3a@example.test";
    private const string CanaryText = "Canary comment text 7f3a that must not leak.";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly CapturedLog _log = new();
    private SmtpTestServer _smtp = null!;
    private NewsPortalFactory _site = null!;

    public async ValueTask InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartNewAsync();
        _site = new NewsPortalFactory { Time = _time }.WithAdmin();
        _site.Settings["Outbox:Enabled"] = "false";
        _site.Settings["Notifications:Enabled"] = "false";
        _site.Settings["Privacy:RetentionEnabled"] = "false";
        _site.Settings["Notifications:ReplyGrouping"] = "00:00:00";
        // The shipped log levels (Information, Microsoft at Warning), not the tests' quieter default.
        _site.Settings["Serilog:MinimumLevel:Default"] = "Information";
        _site.Settings["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Information";
        _site.ConfigureServices = services => services.AddSingleton<ILogEventSink>(_log);
        foreach (var (key, value) in _smtp.SiteSettings)
        {
            _site.Settings[key] = value;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _site.Dispose();
        await _smtp.DisposeAsync();
    }

    private async Task DeliverAsync()
    {
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().RunOnceAsync(TestContext.Current.CancellationToken);
        }

        await _site.Services.GetRequiredService<OutboxSender>().SendDueAsync(TestContext.Current.CancellationToken);
    }

    private async Task<(string Slug, int Id)> PublishedCommentAsync(string email, string text, string name = "Canary Person", bool notify = false)
    {
        var slug = (await _site.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var client = _site.CreateNoRedirectClient();
        var (_, page) = await Html.GetAsync(client, $"/news/{slug}");
        var values = new Dictionary<string, string> { ["Name"] = name, ["Email"] = email, ["Body"] = text };
        if (notify)
        {
            values["NotifyReplies"] = "true";
        }

        var posted = await Html.SubmitAsync(client, Html.CommentForm(page), values);
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var id = await _site.WithDbAsync(db => db.Comments.Where(c => c.BodyHtml.Contains(text)).Select(c => c.Id).SingleAsync());
        await using var scope = _site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ModerationService>().ApplyAsync(id, ModerationAction.Approve, null, StaffSessions.AdminEmail, TestContext.Current.CancellationToken);
        return (slug, id);
    }

    private async Task<MimeMessage> RequestAsync(string email, string request)
    {
        var client = _site.CreateClient();
        var (response, page) = await Html.GetAsync(client, "/privacy");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var before = _smtp.Messages.Count;
        var sent = await Html.SubmitAsync(client, page.QuerySelector<IHtmlFormElement>("form[action='/privacy']")!,
            new Dictionary<string, string> { ["Email"] = email, ["Request"] = request });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("If we hold anything for that address", (await Html.ParseAsync(sent)).QuerySelector("[role='status']")!.TextContent, StringComparison.Ordinal);
        await DeliverAsync();
        return Assert.Single(_smtp.Messages.Skip(before), m => (m.Subject ?? string.Empty).StartsWith("Your ", StringComparison.Ordinal));
    }

    private static string LinkIn(MimeMessage message, string label)
    {
        var lines = (message.TextBody ?? string.Empty).Split('\n');
        var at = Array.FindIndex(lines, l => l.StartsWith(label, StringComparison.Ordinal));
        Assert.True(at >= 0, $"No '{label}' in:\n{message.TextBody}");
        return new Uri(lines[at + 1].Trim()).PathAndQuery;
    }

    [Fact]
    public async Task PrivacyPage_SaysWhatIsStoredAndForHowLong_AndTheCommentFormLinksToIt()
    {
        var (_, page) = await Html.GetAsync(_site.CreateClient(), "/privacy");
        var text = page.QuerySelector("main")!.TextContent;
        foreach (var stored in new[] { "your name", "your e-mail address", "IP address and browser", "90 days" })
        {
            Assert.Contains(stored, text, StringComparison.Ordinal);
        }

        var slug = (await _site.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var (_, article) = await Html.GetAsync(_site.CreateClient(), $"/news/{slug}");
        Assert.NotNull(Html.CommentForm(article).QuerySelector("a[href='/privacy']"));
    }

    [Fact]
    public async Task UnknownAddress_GetsTheSameAnswer_AndNoMail()
    {
        var client = _site.CreateClient();
        var (_, page) = await Html.GetAsync(client, "/privacy");
        var sent = await Html.SubmitAsync(client, page.QuerySelector<IHtmlFormElement>("form[action='/privacy']")!,
            new Dictionary<string, string> { ["Email"] = "nobody@example.test", ["Request"] = "erase" });
        Assert.Contains("If we hold anything for that address", (await Html.ParseAsync(sent)).QuerySelector("[role='status']")!.TextContent, StringComparison.Ordinal);
        await DeliverAsync();
        Assert.Empty(_smtp.Messages);
    }

    [Fact]
    public async Task Export_BySignedLink_IsJsonOfEveryCommentAndSubscription_ForgedAndExpiredRefused()
    {
        var (slug, id) = await PublishedCommentAsync(Canary, CanaryText, notify: true);
        var link = LinkIn(await RequestAsync(Canary, "export"), "Download my data");

        var response = await _site.CreateClient().GetAsync(new Uri(link, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var comment = Assert.Single(json.RootElement.GetProperty("comments").EnumerateArray());
        Assert.Equal(id, comment.GetProperty("id").GetInt32());
        Assert.Equal($"/news/{slug}", comment.GetProperty("articleUrl").GetString());
        Assert.Equal("Approved", comment.GetProperty("status").GetString());
        Assert.Equal(CanaryText, comment.GetProperty("text").GetString());
        Assert.Equal(id, Assert.Single(json.RootElement.GetProperty("replySubscriptions").EnumerateArray()).GetProperty("commentId").GetInt32());

        var forged = await _site.CreateClient().GetAsync(new Uri(link[..^10] + (link[^10] == 'A' ? "B" : "A") + link[^9..], UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var erasePurpose = link.Replace("/privacy/export", "/privacy/erase", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await _site.CreateClient().GetAsync(new Uri(erasePurpose, UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        _time.Advance(TimeSpan.FromHours(25));
        var expired = await _site.CreateClient().GetAsync(new Uri(link, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erase_BySignedLink_AnonymisesEverywhere_AfterAConfirmingPost()
    {
        var (slug, id) = await PublishedCommentAsync(Canary, CanaryText, name: "Canary Person", notify: true);
        var (_, before) = await Html.GetAsync(_site.CreateClient(), $"/news/{slug}");
        Assert.Contains("Canary Person", before.QuerySelector("script[type='application/ld+json']")!.TextContent, StringComparison.Ordinal);
        var link = LinkIn(await RequestAsync(Canary, "erase"), "Erase my data");

        var browser = _site.CreateClient();
        var (_, confirm) = await Html.GetAsync(browser, link);
        Assert.Equal(1, await _site.WithDbAsync(db => db.Comments.CountAsync(c => c.AuthorEmail == Canary)));
        var done = await Html.SubmitAsync(browser, confirm.QuerySelector<IHtmlFormElement>("main form")!);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        var stored = await _site.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal("Deleted", stored.AuthorName);
        Assert.Equal(string.Empty, stored.AuthorEmail);
        Assert.Null(stored.IpAddress);
        Assert.Null(stored.UserAgent);
        Assert.DoesNotContain("7f3a", stored.BodyHtml, StringComparison.Ordinal);
        Assert.Equal(0, await _site.WithDbAsync(db => db.ReplySubscriptions.CountAsync(s => s.Email == Canary)));
        Assert.Equal(0, await _site.WithDbAsync(db => db.SubscriberAddresses.CountAsync(a => a.Email == Canary)));
        Assert.Equal(0, await _site.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == Canary)));
        Assert.Contains(await _site.WithDbAsync(db => db.CommentHistory.Where(h => h.CommentId == id).Select(h => h.Note).ToListAsync()),
            n => n == "Erased the commenter's personal data");

        var (_, after) = await Html.GetAsync(_site.CreateClient(), $"/news/{slug}");
        var html = after.DocumentElement.OuterHtml;
        Assert.DoesNotContain("Canary Person", html, StringComparison.Ordinal);
        Assert.DoesNotContain("7f3a", html, StringComparison.Ordinal);
        Assert.Contains("Deleted", after.QuerySelector($"#comment-{id}")!.TextContent, StringComparison.Ordinal);
        var feed = await _site.CreateClient().GetStringAsync(new Uri("/feed.xml", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.DoesNotContain("7f3a", feed, StringComparison.Ordinal);
        // Nor does the moderation queue's search index keep who wrote it.
        var indexed = await _site.WithDbAsync(db => db.Database
            .SqlQueryRaw<string>(
                "SELECT w.Name || ' ' || w.Email || ' ' || w.Ip || ' ' || t.Body AS Value FROM CommentAuthorSearch AS w, CommentSearch AS t " +
                "WHERE w.rowid = {0} AND t.rowid = {0}", id).SingleAsync());
        Assert.DoesNotContain("Canary", indexed, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, indexed, StringComparison.Ordinal);
        Assert.DoesNotContain("7f3a", indexed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffErase_FromTheQueue_AnonymisesWithAHistoryEntry_AndExportIsJson()
    {
        var (_, id) = await PublishedCommentAsync("phoned@example.test", "Please erase me, I phoned.", name: "Phoning Person");
        var admin = await _site.SignedInAsync(StaffSessions.AdminEmail);

        var export = await admin.GetAsync(new Uri($"/admin/comments/{id}/export", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("application/json", export.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Please erase me, I phoned.", await export.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var (_, page) = await Html.GetAsync(admin, $"/admin/comments/{id}");
        var erased = await Html.SubmitAsync(admin, page.QuerySelector<IHtmlFormElement>($"form[action='/admin/comments/{id}/erase']")!);
        Assert.Equal(HttpStatusCode.SeeOther, erased.StatusCode);
        var stored = await _site.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal("Deleted", stored.AuthorName);
        Assert.Equal(string.Empty, stored.AuthorEmail);
        var (_, show) = await Html.GetAsync(admin, $"/admin/comments/{id}");
        Assert.Contains("Erased the commenter's personal data", show.QuerySelector(".history")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(StaffSessions.AdminEmail, show.QuerySelector(".history")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetentionJob_ClearsClientDataOlderThanTheSetting_AndPurgesOldOutboxRows()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var articleId = (await _site.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Id;
        var (old, recent) = await _site.WithDbAsync(async db =>
        {
            Comment Make(int days) => new()
            {
                ArticleId = articleId, AuthorName = "R", AuthorEmail = "r@example.test", BodyHtml = $"<p>{days}</p>",
                Status = CommentStatus.Approved, CreatedAt = now.AddDays(-days), IpAddress = "203.0.113.9", UserAgent = "Agent/1",
            };
            var o = Make(91);
            var r = Make(89);
            db.Comments.AddRange(o, r);
            var outbox = _site.Services.GetRequiredService<Outbox>();
            var sent = outbox.Add(db, new OutboxMail(MailKinds.ReplyNotice, "a@example.test", null, "old sent", new MailBody().Paragraph("x")));
            sent.Status = OutboxStatus.Sent;
            sent.CreatedAt = now.AddDays(-31);
            var waiting = outbox.Add(db, new OutboxMail(MailKinds.ReplyNotice, "a@example.test", null, "old pending", new MailBody().Paragraph("x")));
            waiting.CreatedAt = now.AddDays(-31);
            var fresh = outbox.Add(db, new OutboxMail(MailKinds.ReplyNotice, "a@example.test", null, "fresh sent", new MailBody().Paragraph("x")));
            fresh.Status = OutboxStatus.Sent;
            await db.SaveChangesAsync();
            return (o.Id, r.Id);
        });

        await using (var scope = _site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunOnceAsync(TestContext.Current.CancellationToken);
        }

        var rows = await _site.WithDbAsync(db => db.Comments.AsNoTracking().Where(c => c.Id == old || c.Id == recent).ToDictionaryAsync(c => c.Id));
        Assert.Null(rows[old].IpAddress);
        Assert.Null(rows[old].UserAgent);
        Assert.Equal("203.0.113.9", rows[recent].IpAddress);
        Assert.Equal("Agent/1", rows[recent].UserAgent);
        // The moderation queue's index holds the IP address too, and loses it with the comment.
        async Task<string> IndexedIp(int id) => await _site.WithDbAsync(db =>
            db.Database.SqlQueryRaw<string>("SELECT Ip AS Value FROM CommentAuthorSearch WHERE rowid = {0}", id).SingleAsync());
        Assert.Equal(string.Empty, await IndexedIp(old));
        Assert.Equal("203.0.113.9", await IndexedIp(recent));
        Assert.Equal(["fresh sent", "old pending"], await _site.WithDbAsync(db => db.OutboxMessages.OrderBy(m => m.Subject).Select(m => m.Subject).ToListAsync()));

        // Two days on, the other comment is past the limit too.
        _time.Advance(TimeSpan.FromDays(2));
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunOnceAsync(TestContext.Current.CancellationToken);
        }

        Assert.Null(await _site.WithDbAsync(db => db.Comments.Where(c => c.Id == recent).Select(c => c.IpAddress).SingleAsync()));
    }

    [Fact]
    public async Task Reports_DecidedLongerAgoThanTheSetting_LoseTheReportersAddressAndIpHash_AndErasureRemovesTheAddress()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var articleId = (await _site.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Id;
        var (oldDecided, oldOpen, recentDecided, erasedOnly) = await _site.WithDbAsync(async db =>
        {
            var comment = new Comment
            {
                ArticleId = articleId, AuthorName = "C", AuthorEmail = "c@example.test", BodyHtml = "<p>c</p>",
                Status = CommentStatus.Approved, CreatedAt = now.AddDays(-200),
            };
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            CommentReport Report(string email, int createdDaysAgo, int? decidedDaysAgo) => new()
            {
                CommentId = comment.Id, Reason = ReportReason.Spam, ReporterEmail = email, ReaderKey = Guid.NewGuid().ToString("N"),
                IpKey = "ip-hash", CreatedAt = now.AddDays(-createdDaysAgo),
                Decision = decidedDaysAgo is null ? null : ReportDecision.Dismissed,
                DecidedAt = decidedDaysAgo is { } d ? now.AddDays(-d) : null,
            };
            var a = Report("old@example.test", 120, 91);
            var b = Report("open@example.test", 120, null);
            var c = Report("recent@example.test", 120, 10);
            var e = Report("erase-me@example.test", 5, null);
            db.CommentReports.AddRange(a, b, c, e);
            await db.SaveChangesAsync();
            return (a.Id, b.Id, c.Id, e.Id);
        });

        await using (var scope = _site.Services.CreateAsyncScope())
        {
            var export = await scope.ServiceProvider.GetRequiredService<PrivacyService>().ExportAsync("open@example.test", TestContext.Current.CancellationToken);
            Assert.Equal("Spam", Assert.Single(export.ReportsFiled).Reason);
        }

        await using (var scope = _site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunOnceAsync(TestContext.Current.CancellationToken);
            await scope.ServiceProvider.GetRequiredService<PrivacyService>().EraseAsync("erase-me@example.test", "test", TestContext.Current.CancellationToken);
        }

        var rows = await _site.WithDbAsync(db => db.CommentReports.AsNoTracking().ToDictionaryAsync(r => r.Id));
        Assert.Null(rows[oldDecided].ReporterEmail);
        Assert.Null(rows[oldDecided].IpKey);
        Assert.Equal("open@example.test", rows[oldOpen].ReporterEmail);
        Assert.Equal("ip-hash", rows[oldOpen].IpKey);
        Assert.Equal("recent@example.test", rows[recentDecided].ReporterEmail);
        Assert.Null(rows[erasedOnly].ReporterEmail);
        Assert.Equal(ReportReason.Spam, rows[erasedOnly].Reason);
    }

    [Fact]
    public async Task Logs_NeverHoldAnAddressACommentsTextOrAToken()
    {
        var (slug, id) = await PublishedCommentAsync(Canary, CanaryText, notify: true);
        await DeliverAsync(); // the confirmation mail
        var confirm = LinkIn(_smtp.Messages.Single(m => m.To.Mailboxes.Any(a => a.Address == Canary)), "Yes, send me reply notices");
        var browser = _site.CreateClient();
        var (_, page) = await Html.GetAsync(browser, confirm);
        await Html.SubmitAsync(browser, page.QuerySelector<IHtmlFormElement>("main form")!);
        var export = LinkIn(await RequestAsync(Canary, "export"), "Download my data");
        await browser.GetAsync(new Uri(export, UriKind.Relative), TestContext.Current.CancellationToken);
        await Html.GetAsync(browser, $"/news/{slug}");

        // A mail server that refuses the canary address: its answer is logged, the address is not.
        await _site.WithDbAsync(async db =>
        {
            _site.Services.GetRequiredService<Outbox>().Add(db, new OutboxMail(MailKinds.ReplyNotice, "broken " + Canary, null, "x", new MailBody().Paragraph(CanaryText)));
            await db.SaveChangesAsync();
        });
        await DeliverAsync();
        await _log.RequestLoggedAsync("/privacy/export", TimeSpan.FromSeconds(5));

        var tokens = new[] { confirm, export }.Select(l => l[(l.IndexOf("t=", StringComparison.Ordinal) + 2)..]).ToList();
        Assert.True(_log.Events.Count > 5, "The log captured too little to prove anything.");
        Assert.Contains(_log.Events, e => e.Properties.ContainsKey("RequestPath"));
        foreach (var e in _log.Events)
        {
            var rendered = e.RenderMessage(CultureInfo.InvariantCulture) + " " + string.Join(" ", e.Properties.Values.Select(v => v.ToString())) + " " + e.Exception;
            Assert.DoesNotContain("canary.7f3a", rendered, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("7f3a that must not leak", rendered, StringComparison.Ordinal);
            foreach (var token in tokens)
            {
                Assert.DoesNotContain(token[..20], rendered, StringComparison.Ordinal);
            }
        }

        _ = id;
    }
}
