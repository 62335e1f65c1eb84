using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using NewsPortal.IntegrationTests.TestSupport;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.AdminComments;
using NewsPortal.Web.Features.Comments;
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
    private readonly QueryBarrier _barrier = new();
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
        _site.ConfigureServices = services =>
        {
            services.AddSingleton<ILogEventSink>(_log);
            services.ConfigureDbContext<SqliteNewsDbContext>(o => o.AddInterceptors(_barrier));
        };
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

    /// <summary>A reader's comment through the real form, pending (pre-moderation is on); returns the browser that posted it.</summary>
    private async Task<(HttpClient Author, string Slug, int Id)> PostAsync(string email, string text, string name)
    {
        var slug = (await _site.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var author = _site.CreateNoRedirectClient();
        var (_, page) = await Html.GetAsync(author, $"/news/{slug}");
        var posted = await Html.SubmitAsync(author, Html.CommentForm(page),
            new Dictionary<string, string> { ["Name"] = name, ["Email"] = email, ["Body"] = text, ["NotifyReplies"] = "true" });
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var id = await _site.WithDbAsync(db => db.Comments.Where(c => c.Article.Slug == slug).Select(c => c.Id).SingleAsync());
        return (author, slug, id);
    }

    /// <summary>The author's own edit, from the browser that posted, through the comment's edit page.</summary>
    private static async Task OwnEditAsync(HttpClient author, string slug, int id, string text)
    {
        var (response, page) = await Html.GetAsync(author, $"/news/{slug}/comments/{id}/edit");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await Html.SubmitAsync(author, page.QuerySelector<IHtmlFormElement>($"form[action='/news/{slug}/comments/{id}/edit']")!,
            new Dictionary<string, string> { ["Body"] = text });
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
    }

    private async Task ApproveAsync(int id)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ModerationService>().ApplyAsync(id, ModerationAction.Approve, null, StaffSessions.AdminEmail, TestContext.Current.CancellationToken);
    }

    private async Task StaffEditAsync(int id, string text)
    {
        var version = await _site.WithDbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());
        await using var scope = _site.Services.CreateAsyncScope();
        Assert.Equal(ModerationOutcome.Changed, await scope.ServiceProvider.GetRequiredService<ModerationService>()
            .EditAsync(id, new CommentEditForm { Body = text, Version = version }, StaffSessions.AdminEmail, TestContext.Current.CancellationToken));
    }

    /// <summary>Every text value in every table of the database (search index included) that contains <paramref name="marker"/>.</summary>
    private async Task<List<string>> StoredTextsContainingAsync(string marker)
    {
        var hits = new List<string>();
        await using var connection = new SqliteConnection(_site.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.GetValue(i) is string text && text.Contains(marker, StringComparison.OrdinalIgnoreCase))
                    {
                        hits.Add($"{table}.{reader.GetName(i)}: {text[..Math.Min(text.Length, 120)]}");
                    }
                }
            }
        }

        Assert.True(tables.Count > 15, $"Only {tables.Count} tables were read.");
        return hits;
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

        // The same work as for a known address: a request row, keyed by a hash of the address, never the address.
        var key = Assert.Single(await _site.WithDbAsync(db => db.PrivacyRequests.AsNoTracking().ToListAsync()));
        Assert.Matches("^[0-9a-f]{64}$", key.AddressKey);
        Assert.Null(key.LastMailAt);
    }

    /// <summary>
    /// Two requests for one address, lined up so both have read its request row before either writes: first when the
    /// address was never asked for (both insert the row), then past the cool-down (both update it).
    /// </summary>
    [Fact]
    public async Task PrivacyForm_TwoPostsAtOnceForOneAddress_MailItOnce_WhetherOrNotItWasAskedBefore()
    {
        await PublishedCommentAsync(Canary, CanaryText);
        async Task BothAtOnceAsync(int round)
        {
            var forms = await Task.WhenAll(Enumerable.Range(1, 2).Select(async i =>
            {
                var client = _site.Reader($"203.0.113.{(round * 10) + i}");
                var (_, page) = await Html.GetAsync(client, "/privacy");
                return (client, form: page.QuerySelector<IHtmlFormElement>("form[action='/privacy']")!);
            }));
            _barrier.Arm("FROM \"PrivacyRequests\"", 2);
            var answers = await Task.WhenAll(forms.Select(f =>
                Html.SubmitAsync(f.client, f.form, new Dictionary<string, string> { ["Email"] = Canary, ["Request"] = "erase" })));
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
            await DeliverAsync();
        }

        int Mailed() => _smtp.Messages.Count(m => m.To.Mailboxes.Any(a => a.Address == Canary) && (m.Subject ?? string.Empty).StartsWith("Your ", StringComparison.Ordinal));

        await BothAtOnceAsync(1);
        Assert.Equal(1, Mailed());
        _time.Advance(TimeSpan.FromMinutes(16));
        await BothAtOnceAsync(2);
        Assert.Equal(2, Mailed());
    }

    [Fact]
    public async Task PrivacyForm_TenPostsForOneAddress_MailItOnce_AndPastTheHourlyLimitTheClientGetsA429Page()
    {
        await PublishedCommentAsync(Canary, CanaryText);
        var client = _site.CreateClient();
        var (_, page) = await Html.GetAsync(client, "/privacy");
        var form = page.QuerySelector<IHtmlFormElement>("form[action='/privacy']")!;
        for (var i = 0; i < 10; i++)
        {
            var sent = await Html.SubmitAsync(client, form, new Dictionary<string, string> { ["Email"] = Canary, ["Request"] = i % 2 == 0 ? "export" : "erase" });
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            Assert.Contains("If we hold anything for that address", (await Html.ParseAsync(sent)).QuerySelector("[role='status']")!.TextContent, StringComparison.Ordinal);
        }

        await DeliverAsync();
        Assert.Single(_smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == Canary) && (m.Subject ?? string.Empty).StartsWith("Your ", StringComparison.Ordinal));

        var limited = await Html.SubmitAsync(client, form, new Dictionary<string, string> { ["Email"] = Canary, ["Request"] = "export" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        var explained = await Html.ParseAsync(limited);
        Assert.Contains("Too many requests", explained.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        // Past the cool-down the address can have a link again (asked from another client).
        _time.Advance(TimeSpan.FromMinutes(16));
        var other = _site.Reader("203.0.113.61");
        var (_, again) = await Html.GetAsync(other, "/privacy");
        Assert.Equal(HttpStatusCode.OK, (await Html.SubmitAsync(other, again.QuerySelector<IHtmlFormElement>("form[action='/privacy']")!,
            new Dictionary<string, string> { ["Email"] = Canary, ["Request"] = "export" })).StatusCode);
        await DeliverAsync();
        Assert.Equal(2, _smtp.Messages.Count(m => m.To.Mailboxes.Any(a => a.Address == Canary) && (m.Subject ?? string.Empty).StartsWith("Your ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Export_BySignedLink_ShowsAButton_ThenPostsJsonOfEveryCommentWithItsEarlierTexts_ForgedAndExpiredRefused()
    {
        var (author, slug, id) = await PostAsync(Canary, "Canary first text 7f3a.", "Canary Person");
        await OwnEditAsync(author, slug, id, "Canary second text 7f3a.");
        await ApproveAsync(id);
        await StaffEditAsync(id, CanaryText);
        var link = LinkIn(await RequestAsync(Canary, "export"), "Get my data");

        // The link's GET (what a mail scanner fetches) shows a button, never the data.
        var browser = _site.CreateClient();
        var (shown, confirm) = await Html.GetAsync(browser, link);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("text/html", shown.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("7f3a.", confirm.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var response = await Html.SubmitAsync(browser, confirm.QuerySelector<IHtmlFormElement>("main form")!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var comment = Assert.Single(json.RootElement.GetProperty("comments").EnumerateArray());
        Assert.Equal(id, comment.GetProperty("id").GetInt32());
        Assert.Equal($"/news/{slug}", comment.GetProperty("articleUrl").GetString());
        Assert.Equal("Approved", comment.GetProperty("status").GetString());
        Assert.Equal(CanaryText, comment.GetProperty("text").GetString());
        Assert.Equal(
            ["you: Canary first text 7f3a.", "a moderator: Canary second text 7f3a."],
            comment.GetProperty("earlierTexts").EnumerateArray().Select(e => $"{e.GetProperty("editedBy").GetString()}: {e.GetProperty("text").GetString()}"));
        Assert.Equal(id, Assert.Single(json.RootElement.GetProperty("replySubscriptions").EnumerateArray()).GetProperty("commentId").GetInt32());

        var forged = await _site.CreateClient().GetAsync(new Uri(link[..^10] + (link[^10] == 'A' ? "B" : "A") + link[^9..], UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var erasePurpose = link.Replace("/privacy/export", "/privacy/erase", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await _site.CreateClient().GetAsync(new Uri(erasePurpose, UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        _time.Advance(TimeSpan.FromHours(25));
        var expired = await Html.SubmitAsync(browser, confirm.QuerySelector<IHtmlFormElement>("main form")!);
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    /// <summary>
    /// Every copy: the comment and its earlier texts (an own edit and a staff edit), notes and reports about it, the
    /// reports its author filed, mail to the author (sent, or being sent right now) and mail to others quoting them
    /// (a moderator's alert being sent, a reporter's outcome not yet sent), and the block list. Then every text in
    /// every table is read back: none holds the text, the address or the name. The ban survives as a keyed hash.
    /// </summary>
    [Fact]
    public async Task Erase_BySignedLink_AnonymisesEverywhere_AfterAConfirmingPost()
    {
        const string Marker = "qz~x";
        const string Erasee = "erasee.qz~x@example.test";
        const string Name = "Canary Qz~xperson";
        var adminId = await _site.WithDbAsync(db => db.Users.Where(u => u.Email == StaffSessions.AdminEmail).Select(u => u.Id).SingleAsync());
        await _site.WithDbAsync(async db =>
        {
            db.StaffMailPreferences.Add(new StaffMailPreference { StaffUserId = adminId, HeldComments = HeldCommentMail.EveryComment });
            await db.SaveChangesAsync();
        });
        var (author, slug, id) = await PostAsync(Erasee, "First text qz~x, as posted.", Name);
        await DeliverAsync(); // the moderator's alert quoting the name and the first text, and the confirmation to the author
        await OwnEditAsync(author, slug, id, "Second text qz~x, the author's edit.");
        await ApproveAsync(id);
        await StaffEditAsync(id, "Third text qz~x, the moderator's edit.");

        // Another reader reports it in words that quote the author; the author reports someone else's comment.
        await Reports.ReportAsync(_site.Reader("198.51.100.7"), slug, id, "abuse", "Canary Qz~xperson wrote qz~x again.", "other.reader@example.test");
        var (otherSlug, otherId) = await _site.PublishedCommentAsync("Someone else's comment.", "someone.else@example.test");
        await Reports.ReportAsync(_site.Reader("198.51.100.8"), otherSlug, otherId, "spam", "Spam, says the erasee.", Erasee);

        // A moderator bans the address from the queue, then hides the comment with a statement quoting it.
        var admin = await _site.SignedInAsync(StaffSessions.AdminEmail);
        var (_, queue) = await Html.GetAsync(admin, "/admin/comments?status=reported");
        var banned = await Html.SubmitAsync(admin, queue.QuerySelector<IHtmlFormElement>($"#queue-{id} form[action='/admin/comments/{id}/email/ban']")!);
        Assert.Equal(HttpStatusCode.SeeOther, banned.StatusCode);
        await Html.GetAsync(admin, banned.Headers.Location!.OriginalString); // as a browser does: the one-time notice naming the address is shown
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            var version = await _site.WithDbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());
            Assert.Equal(DecisionOutcome.Decided, await scope.ServiceProvider.GetRequiredService<ReportModerationService>().DecideAsync(
                id, ReportDecision.Hidden, new ReportDecisionForm { Version = version, Ground = DecisionGrounds.All[1], Statement = "Canary Qz~xperson wrote “qz~x”." },
                StaffSessions.AdminEmail, TestContext.Current.CancellationToken));
        }

        var link = LinkIn(await RequestAsync(Erasee, "erase"), "Erase my data");

        // The sender is busy with two messages right now (one to the author, the alert to the moderator), and the
        // reporter's outcome, which quotes the comment, has not gone yet.
        var (toAuthor, alert, outcome) = await _site.WithDbAsync(async db =>
        {
            var inFlight = _time.GetUtcNow().UtcDateTime.AddMinutes(1);
            var rows = await db.OutboxMessages.ToListAsync();
            var a = rows.First(m => m.Kind == MailKinds.PrivacyRequest && m.ToAddress == Erasee);
            var b = rows.Single(m => m.Kind == MailKinds.ModeratorHeld);
            var c = rows.Single(m => m.Kind == MailKinds.ReportOutcome && m.ToAddress == "other.reader@example.test");
            foreach (var m in new[] { a, b })
            {
                m.Status = OutboxStatus.Pending;
                m.ClaimToken = Guid.NewGuid();
                m.ClaimedUntil = inFlight;
            }

            c.Status = OutboxStatus.Pending;
            c.SentAt = null;
            await db.SaveChangesAsync();
            return (a.Id, b.Id, c.Id);
        });
        Assert.NotEmpty(await StoredTextsContainingAsync(Marker));

        var browser = _site.CreateClient();
        var (_, confirm) = await Html.GetAsync(browser, link);
        Assert.Equal(1, await _site.WithDbAsync(db => db.Comments.CountAsync(c => c.AuthorEmail == Erasee)));
        var done = await Html.SubmitAsync(browser, confirm.QuerySelector<IHtmlFormElement>("main form")!);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        Assert.Empty(await StoredTextsContainingAsync(Marker));
        var stored = await _site.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal("Deleted", stored.AuthorName);
        Assert.Equal(string.Empty, stored.AuthorEmail);
        Assert.Null(stored.IpAddress);
        Assert.Null(stored.UserAgent);
        var history = await _site.WithDbAsync(db => db.CommentHistory.AsNoTracking().Where(h => h.CommentId == id).OrderBy(h => h.Id).ToListAsync());
        Assert.All(history, h => Assert.Null(h.PreviousBodyHtml));
        Assert.Contains(history, h => h.Note == "Erased the commenter's personal data");
        Assert.Contains(history, h => h.Note == "Hidden after 1 report.");
        Assert.Equal(0, await _site.WithDbAsync(db => db.ReplySubscriptions.CountAsync()));
        Assert.Equal(0, await _site.WithDbAsync(db => db.SubscriberAddresses.CountAsync()));

        // Mail: what a sender holds is blanked and withdrawn; the rest is gone.
        var mail = await _site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToDictionaryAsync(m => m.Id));
        Assert.Equal(CommenterErasure.WithdrawnRecipient, mail[toAuthor].ToAddress);
        Assert.Null(mail[toAuthor].UnsubscribeUrl);
        Assert.Equal(StaffSessions.AdminEmail, mail[alert].ToAddress);
        foreach (var withdrawn in new[] { mail[toAuthor], mail[alert] })
        {
            Assert.Equal(OutboxStatus.Failed, withdrawn.Status);
            Assert.Equal(CommenterErasure.WithdrawnText, withdrawn.TextBody);
            Assert.Null(withdrawn.ClaimToken);
        }

        Assert.False(mail.ContainsKey(outcome));
        Assert.DoesNotContain(mail.Values, m => m.ToAddress == Erasee);

        // Reports: the one they filed keeps no address and no IP hash.
        var filed = await _site.WithDbAsync(db => db.CommentReports.AsNoTracking().SingleAsync(r => r.CommentId == otherId));
        Assert.Null(filed.ReporterEmail);
        Assert.Null(filed.IpKey);

        // The ban outlives the address: it is a keyed hash now, and it still applies.
        var settings = await _site.WithDbAsync(db => db.CommentSettings.AsNoTracking().SingleAsync());
        Assert.StartsWith(CommentRules.ErasedPrefix, Assert.Single(CommentRulesSource.Lines(settings.BlockedEmails)), StringComparison.Ordinal);
        var (_, article) = await Html.GetAsync(author, $"/news/{slug}");
        Assert.Equal(HttpStatusCode.SeeOther, (await Html.SubmitAsync(author, Html.CommentForm(article),
            new Dictionary<string, string> { ["Name"] = "Back Again", ["Email"] = Erasee, ["Body"] = "I am back." })).StatusCode);
        Assert.Equal(CommentStatus.Spam, await _site.WithDbAsync(db => db.Comments.Where(c => c.AuthorEmail == Erasee).Select(c => c.Status).SingleAsync()));

        // What readers see, and the moderation queue's search index.
        var (_, after) = await Html.GetAsync(_site.CreateClient(), $"/news/{slug}");
        Assert.DoesNotContain(Marker, after.DocumentElement.OuterHtml, StringComparison.OrdinalIgnoreCase);
        var (_, show) = await Html.GetAsync(admin, $"/admin/comments/{id}");
        Assert.DoesNotContain(Marker, show.DocumentElement.OuterHtml, StringComparison.OrdinalIgnoreCase);
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
                ArticleId = articleId,
                AuthorName = "R",
                AuthorEmail = "r@example.test",
                BodyHtml = $"<p>{days}</p>",
                Status = CommentStatus.Approved,
                CreatedAt = now.AddDays(-days),
                IpAddress = "203.0.113.9",
                UserAgent = "Agent/1",
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
                ArticleId = articleId,
                AuthorName = "C",
                AuthorEmail = "c@example.test",
                BodyHtml = "<p>c</p>",
                Status = CommentStatus.Approved,
                CreatedAt = now.AddDays(-200),
            };
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            CommentReport Report(string email, int createdDaysAgo, int? decidedDaysAgo) => new()
            {
                CommentId = comment.Id,
                Reason = ReportReason.Spam,
                ReporterEmail = email,
                ReaderKey = Guid.NewGuid().ToString("N"),
                IpKey = "ip-hash",
                CreatedAt = now.AddDays(-createdDaysAgo),
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
            await scope.ServiceProvider.GetRequiredService<CommenterErasure>().EraseAsync("erase-me@example.test", "test", TestContext.Current.CancellationToken);
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
        var export = LinkIn(await RequestAsync(Canary, "export"), "Get my data");
        var (_, download) = await Html.GetAsync(browser, export);
        Assert.Equal(HttpStatusCode.OK, (await Html.SubmitAsync(browser, download.QuerySelector<IHtmlFormElement>("main form")!)).StatusCode);
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
