using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using NewsPortal.IntegrationTests.TestSupport;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.AdminComments;
using NewsPortal.Web.Features.Notifications;
using NewsPortal.Web.Infrastructure.Identity;
using NewsPortal.Web.Infrastructure.Mail;

namespace NewsPortal.IntegrationTests.Features.Notifications;

/// <summary>
/// Moderators' alerts and digests, commenters' double opt-in, reply notices and one-click unsubscribe, end to end:
/// the reader's form, the dispatcher, the outbox and a real SMTP server on loopback, then the links in the messages.
/// </summary>
public sealed class NotificationTests : IAsyncLifetime
{
    private const string Moderator = "mod@test.example";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private SmtpTestServer _smtp = null!;
    private readonly QueryBarrier _barrier = new();
    private NewsPortalFactory _site = null!;

    public async ValueTask InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartNewAsync();
        _site = new NewsPortalFactory { Time = _time }.WithAdmin();
        _site.Settings["Outbox:Enabled"] = "false";
        _site.Settings["Notifications:Enabled"] = "false";
        _site.Settings["Notifications:ReplyGrouping"] = "00:03:00";
        _site.Settings["Site:PublicUrl"] = "https://news.example.test";
        foreach (var (key, value) in _smtp.SiteSettings)
        {
            _site.Settings[key] = value;
        }

        _site.ConfigureServices = services => services.ConfigureDbContext<SqliteNewsDbContext>(o => o.AddInterceptors(_barrier));
        await _site.CreateStaffAsync(Moderator, Roles.Moderator);
    }

    public async ValueTask DisposeAsync()
    {
        _site.Dispose();
        await _smtp.DisposeAsync();
    }

    /// <summary>The dispatcher, then the sender: what the two background jobs do on their next turn.</summary>
    private async Task DeliverAsync()
    {
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().RunOnceAsync(TestContext.Current.CancellationToken);
        }

        await _site.Services.GetRequiredService<OutboxSender>().SendDueAsync(TestContext.Current.CancellationToken);
    }

    private async Task<string> ArticleAsync() => (await _site.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;

    private async Task<int> PostCommentAsync(string slug, string email, string body, bool notify = false, int? parentId = null)
    {
        var client = _site.CreateNoRedirectClient();
        var (_, page) = await Html.GetAsync(client, $"/news/{slug}");
        var values = new Dictionary<string, string> { ["Name"] = email.Split('@')[0], ["Email"] = email, ["Body"] = body };
        if (notify)
        {
            var box = page.QuerySelector<IHtmlInputElement>("#comments input[name='NotifyReplies']");
            Assert.NotNull(box);
            Assert.Equal("checkbox", box.Type);
            Assert.Equal("true", box.Value);
            Assert.False(box.IsChecked);
            values["NotifyReplies"] = "true";
        }

        if (parentId is not null)
        {
            values["ParentId"] = parentId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var response = await Html.SubmitAsync(client, Html.CommentForm(page), values);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"{(int)response.StatusCode} {string.Join("|", (await Html.ParseAsync(response)).QuerySelectorAll(".form-errors, .field-error, [role=alert]").Select(e => e.TextContent.Trim()))}");
        return await _site.WithDbAsync(db => db.Comments.Where(c => c.BodyHtml.Contains(body)).Select(c => c.Id).SingleAsync());
    }

    private async Task ApproveAsync(int id)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ModerationService>()
            .ApplyAsync(id, ModerationAction.Approve, null, StaffSessions.AdminEmail, TestContext.Current.CancellationToken);
        Assert.Equal(ModerationOutcome.Changed, result.Outcome);
    }

    private async Task<HttpClient> ChooseAsync(string email, string choice)
    {
        var client = await _site.SignedInAsync(email);
        var (response, page) = await Html.GetAsync(client, "/admin/notifications");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = page.QuerySelector<IHtmlFormElement>("form[action='/admin/notifications']")!;
        var saved = await Html.SubmitAsync(client, form, new Dictionary<string, string> { ["HeldComments"] = choice });
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var (_, after) = await Html.GetAsync(client, "/admin/notifications");
        Assert.True(after.QuerySelector<IHtmlInputElement>($"input[name='HeldComments'][value='{choice}']")!.IsChecked);
        return client;
    }

    private static string LinkIn(MimeMessage message, string label)
    {
        var lines = (message.TextBody ?? string.Empty).Split('\n');
        var at = Array.FindIndex(lines, l => l.StartsWith(label, StringComparison.Ordinal));
        Assert.True(at >= 0, $"No '{label}' in:\n{message.TextBody}");
        return lines[at + 1].Trim();
    }

    private static string Local(string absolute) => new Uri(absolute).PathAndQuery;

    [Fact]
    public async Task HeldComment_ModeratorWantingEach_GetsItWithReasonAndLinks_AndTheApproveLinkOnlyAsksFirst()
    {
        var moderator = await ChooseAsync(Moderator, "EveryComment");
        var slug = await ArticleAsync();
        var id = await PostCommentAsync(slug, "reader@example.test", "Held for the moderators to see.");

        await DeliverAsync();

        var message = Assert.Single(_smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == Moderator));
        Assert.Contains("Held because:", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("> Held for the moderators to see.", message.TextBody, StringComparison.Ordinal);
        Assert.Equal($"https://news.example.test/admin/comments/{id}", LinkIn(message, "Open it in the moderation queue"));
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.DoesNotContain(_smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == StaffSessions.AdminEmail)); // chose nothing

        // Following the link (as a scanner would) changes nothing; the page's button does.
        var approve = Local(LinkIn(message, "Approve it"));
        var (response, page) = await Html.GetAsync(moderator, approve);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CommentStatus.Pending, await _site.WithDbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
        var form = page.QuerySelector<IHtmlFormElement>($"form[action='/admin/comments/{id}/approve']");
        Assert.NotNull(form);
        await Html.SubmitAsync(moderator, form, new Dictionary<string, string>());
        Assert.Equal(CommentStatus.Approved, await _site.WithDbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
    }

    private static bool To(MimeMessage message, string address) => message.To.Mailboxes.Any(a => a.Address == address);

    private static bool Mentions(MimeMessage message, int commentId) =>
        (message.TextBody ?? string.Empty).Contains($"/admin/comments/{commentId}\n", StringComparison.Ordinal);

    private async Task HoldByReportsAsync(string slug, int id)
    {
        foreach (var address in new[] { "198.51.100.71", "198.51.100.72", "198.51.100.73" })
        {
            Assert.Equal(HttpStatusCode.SeeOther, (await Reports.ReportAsync(_site.Reader(address), slug, id, "abuse")).StatusCode);
        }

        Assert.Equal(CommentStatus.Pending, await _site.WithDbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task CommentHeldByReaders_Reports_AlertsTheModeratorWantingEach()
    {
        await ChooseAsync(Moderator, "EveryComment");
        var slug = await ArticleAsync();
        var id = await PostCommentAsync(slug, "reader@example.test", "Fine at first, reported later.");
        await ApproveAsync(id);
        await DeliverAsync();
        var before = _smtp.Messages.Count(m => To(m, Moderator) && Mentions(m, id));

        await HoldByReportsAsync(slug, id);
        await DeliverAsync();

        var alerts = _smtp.Messages.Where(m => To(m, Moderator) && Mentions(m, id)).ToList();
        Assert.Equal(before + 1, alerts.Count);
        Assert.Contains("Held automatically after readers' reports", alerts[^1].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovedComment_EditedByItsAuthor_GoesBackToModeration_TellsTheAuthor_AndAlertsTheModerator()
    {
        // The attack run's scenario: post something harmless, wait for approval, then swap the text.
        await ChooseAsync(Moderator, "EveryComment");
        var slug = await ArticleAsync();
        var author = _site.CreateNoRedirectClient();
        var (_, page) = await Html.GetAsync(author, $"/news/{slug}");
        await Html.SubmitAsync(author, Html.CommentForm(page), new Dictionary<string, string> { ["Name"] = "Bait", ["Email"] = "bait@example.test", ["Body"] = "What a lovely article." });
        var id = await _site.WithDbAsync(db => db.Comments.Where(c => c.Article.Slug == slug).Select(c => c.Id).SingleAsync());
        await ApproveAsync(id);
        await DeliverAsync();
        var before = _smtp.Messages.Count(m => To(m, Moderator) && Mentions(m, id));

        var (_, article) = await Html.GetAsync(author, $"/news/{slug}");
        var (_, edit) = await Html.GetAsync(author, article.QuerySelector($"#comment-{id} a.edit-link")!.GetAttribute("href")!);
        Assert.Contains("until a moderator has read it again", edit.QuerySelector(".report-page [role=note]")!.TextContent, StringComparison.Ordinal);
        var saved = await Html.SubmitAsync(author, edit.QuerySelector<IHtmlFormElement>($"form[action='/news/{slug}/comments/{id}/edit']")!,
            new Dictionary<string, string> { ["Body"] = "SWITCHED: buy cheap pills now, totally different text" });

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var comment = await _site.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(CommentStatus.Pending, comment.Status);
        var (_, stranger) = await Html.GetAsync(_site.CreateClient(), $"/news/{slug}");
        Assert.DoesNotContain("SWITCHED", stranger.DocumentElement.TextContent, StringComparison.Ordinal);
        Assert.Null(stranger.QuerySelector($"#comment-{id}"));
        await author.GetAsync(new Uri(saved.Headers.Location!.OriginalString, UriKind.Relative), TestContext.Current.CancellationToken); // the permalink
        var (_, own) = await Html.GetAsync(author, $"/news/{slug}");
        Assert.Contains("waits for a moderator", own.QuerySelector("#comments [role=status]")!.TextContent, StringComparison.Ordinal);

        await DeliverAsync();
        var alerts = _smtp.Messages.Where(m => To(m, Moderator) && Mentions(m, id)).ToList();
        Assert.Equal(before + 1, alerts.Count);
        Assert.Contains("SWITCHED", alerts[^1].TextBody, StringComparison.Ordinal);
        Assert.Contains("Edited by its author", alerts[^1].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HourlyDigest_ListsACommentHeldThisHour_ThoughPostedEarlier()
    {
        await ChooseAsync(Moderator, "HourlyDigest");
        var slug = await ArticleAsync();
        var id = await PostCommentAsync(slug, "old@example.test", "Posted and approved hours ago.");
        await ApproveAsync(id);
        _time.Advance(TimeSpan.FromHours(3));
        await DeliverAsync();
        var before = _smtp.Messages.Count;

        await HoldByReportsAsync(slug, id);
        _time.Advance(TimeSpan.FromMinutes(61));
        await DeliverAsync();

        var digest = Assert.Single(_smtp.Messages.Skip(before), m => To(m, Moderator));
        Assert.Equal("1 comment is waiting for moderation", digest.Subject);
        Assert.True(Mentions(digest, id), digest.TextBody);
    }

    [Fact]
    public async Task DailyDigest_OverTwoHundredHeld_SaysHowManyOfHowMany()
    {
        await ChooseAsync(Moderator, "DailyDigest");
        var slug = await ArticleAsync();
        await _site.WithDbAsync(async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Slug == slug);
            var now = _time.GetUtcNow().UtcDateTime;
            for (var i = 0; i < 205; i++)
            {
                db.Comments.Add(new Comment { ArticleId = article.Id, AuthorName = "Many", AuthorEmail = $"many{i}@example.test", BodyHtml = $"<p>Held number {i}.</p>", Status = CommentStatus.Pending, CreatedAt = now.AddSeconds(i) });
            }

            await db.SaveChangesAsync();
        });

        _time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(5));
        await DeliverAsync();

        var digest = Assert.Single(_smtp.Messages, m => To(m, Moderator));
        Assert.Equal("205 comments are waiting for moderation", digest.Subject);
        Assert.Contains("The first 200 of 205 are below", digest.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyHeldByReportsWhileItsNoticeWaits_GetsItsNoticeOnceWhenTheReportsAreDismissed()
    {
        var slug = await ArticleAsync();
        const string reader = "asker@example.test";
        var mine = await PostCommentAsync(slug, reader, "Tell me about replies, please.", notify: true);
        await ApproveAsync(mine);
        await DeliverAsync();
        var confirm = Assert.Single(_smtp.Messages, m => To(m, reader));
        var browser = _site.CreateClient();
        var (_, confirmPage) = await Html.GetAsync(browser, Local(LinkIn(confirm, "Yes, send me reply notices")));
        await Html.SubmitAsync(browser, confirmPage.QuerySelector<IHtmlFormElement>("main form")!);

        var reply = await PostCommentAsync(slug, "replier@example.test", "A reply readers report at once.", parentId: mine);
        await ApproveAsync(reply);
        await HoldByReportsAsync(slug, reply); // within ReplyGrouping: its notice has not gone yet
        _time.Advance(TimeSpan.FromMinutes(4));
        await DeliverAsync();
        Assert.DoesNotContain(_smtp.Messages, m => To(m, reader) && (m.Subject ?? string.Empty).Contains("replied", StringComparison.Ordinal));

        var version = await _site.WithDbAsync(db => db.Comments.Where(c => c.Id == reply).Select(c => c.Version).SingleAsync());
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            Assert.Equal(DecisionOutcome.Decided, await scope.ServiceProvider.GetRequiredService<ReportModerationService>()
                .DecideAsync(reply, ReportDecision.Dismissed, new ReportDecisionForm { Version = version }, StaffSessions.AdminEmail, TestContext.Current.CancellationToken));
        }

        Assert.Equal(CommentStatus.Approved, await _site.WithDbAsync(db => db.Comments.Where(c => c.Id == reply).Select(c => c.Status).SingleAsync()));
        await DeliverAsync();
        _time.Advance(TimeSpan.FromMinutes(4));
        await DeliverAsync();

        var notice = Assert.Single(_smtp.Messages, m => To(m, reader) && (m.Subject ?? string.Empty).StartsWith("replier replied", StringComparison.Ordinal));
        Assert.Contains("A reply readers report at once.", notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmationAskedAgain_ByTwoInstancesAtOnce_IsMailedOnce()
    {
        const string reader = "twice@example.test";
        var slug = await ArticleAsync();
        await PostCommentAsync(slug, reader, "First wish for notices.", notify: true);
        await DeliverAsync();
        _time.Advance(TimeSpan.FromHours(25));
        await PostCommentAsync(slug, reader, "Second wish for notices, a day later.", notify: true);

        // Both instances read the address as due before either writes: the race two dispatchers can run.
        _barrier.Arm("\"ConfirmedAt\" IS NULL", 2);
        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var scope = _site.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().RunOnceAsync(TestContext.Current.CancellationToken);
        }));
        await _site.Services.GetRequiredService<OutboxSender>().SendDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, _smtp.Messages.Count(m => To(m, reader) && m.Subject == "Please confirm: e-mail me when someone replies"));
    }

    [Fact]
    public async Task ModerationLink_ForgedOrExpired_OffersNoButton()
    {
        var moderator = await ChooseAsync(Moderator, "EveryComment");
        var id = await PostCommentAsync(await ArticleAsync(), "reader@example.test", "A comment for the link test.");
        await DeliverAsync();
        var approve = Local(LinkIn(Assert.Single(_smtp.Messages), "Approve it"));

        var forged = approve.Replace("do=approve", "do=spam", StringComparison.Ordinal);
        var (_, forgedPage) = await Html.GetAsync(moderator, forged);
        Assert.NotNull(forgedPage.QuerySelector("[role='alert']"));
        Assert.Null(forgedPage.QuerySelector($"form[action^='/admin/comments/{id}/']"));
        Assert.Contains("another action", forgedPage.QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);

        var tampered = approve[..^10] + (approve[^10] == 'A' ? "B" : "A") + approve[^9..];
        var (_, tamperedPage) = await Html.GetAsync(moderator, tampered);
        Assert.Contains("not valid", tamperedPage.QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromHours(73));
        var (_, expiredPage) = await Html.GetAsync(await _site.SignedInAsync(Moderator), approve);
        Assert.Null(expiredPage.QuerySelector($"form[action^='/admin/comments/{id}/']"));
        Assert.Contains("expired", expiredPage.QuerySelector("[role='alert']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HourlyDigest_GroupsTheCommentsHeldInTheHour_AndIsSentOnce()
    {
        await ChooseAsync(Moderator, "HourlyDigest");
        var slug = await ArticleAsync();
        var first = await PostCommentAsync(slug, "one@example.test", "First held comment of the hour.");
        var second = await PostCommentAsync(slug, "two@example.test", "Second held comment of the hour.");

        await DeliverAsync();
        Assert.Empty(_smtp.Messages); // not an hour yet

        _time.Advance(TimeSpan.FromMinutes(61));
        await DeliverAsync();
        await DeliverAsync();

        var digest = Assert.Single(_smtp.Messages);
        Assert.Equal("2 comments are waiting for moderation", digest.Subject);
        Assert.Contains($"https://news.example.test/admin/comments/{first}\n", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://news.example.test/admin/comments/{second}\n", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Second held comment of the hour.", digest.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyNotices_DoubleOptIn_NoticePerReply_DigestForSeveral_OneClickUnsubscribe()
    {
        var slug = await ArticleAsync();
        const string reader = "asker@example.test";
        var mine = await PostCommentAsync(slug, reader, "Tell me when someone answers.", notify: true);
        await ApproveAsync(mine);
        await DeliverAsync();

        // Double opt-in: the first message asks to confirm; until then no notice.
        var confirm = Assert.Single(_smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == reader));
        Assert.Null(confirm.Headers["List-Unsubscribe"]);
        var early = await PostCommentAsync(slug, "early@example.test", "A reply before confirming.", parentId: mine);
        await ApproveAsync(early);
        _time.Advance(TimeSpan.FromMinutes(4));
        await DeliverAsync();
        Assert.Single(_smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == reader));

        var browser = _site.CreateClient();
        var confirmLink = Local(LinkIn(confirm, "Yes, send me reply notices"));
        var (_, confirmPage) = await Html.GetAsync(browser, confirmLink);
        Assert.Null(await _site.WithDbAsync(db => db.SubscriberAddresses.Where(a => a.Email == reader).Select(a => a.ConfirmedAt).SingleAsync()));
        await Html.SubmitAsync(browser, confirmPage.QuerySelector<IHtmlFormElement>("main form")!);
        Assert.NotNull(await _site.WithDbAsync(db => db.SubscriberAddresses.Where(a => a.Email == reader).Select(a => a.ConfirmedAt).SingleAsync()));

        // One reply: one notice, with a link to it.
        var reply = await PostCommentAsync(slug, "answerer@example.test", "Here is an answer.", parentId: mine);
        await ApproveAsync(reply);
        await DeliverAsync();
        Assert.Single(_smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == reader)); // still grouping
        _time.Advance(TimeSpan.FromMinutes(4));
        await DeliverAsync();
        var notice = Assert.Single(_smtp.Messages, m => (m.Subject ?? string.Empty).StartsWith("answerer replied", StringComparison.Ordinal));
        Assert.Equal($"https://news.example.test/news/{slug}#comment-{reply}", LinkIn(notice, "Read the reply"));
        Assert.DoesNotContain("A reply before confirming.", notice.TextBody, StringComparison.Ordinal);

        // Two replies within minutes: one digest.
        foreach (var text in new[] { "Second answer.", "Third answer." })
        {
            await ApproveAsync(await PostCommentAsync(slug, "more@example.test", text, parentId: mine));
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        _time.Advance(TimeSpan.FromMinutes(3));
        await DeliverAsync();
        var digest = Assert.Single(_smtp.Messages, m => m.Subject == "2 new replies to your comments");
        Assert.Contains("Second answer.", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Third answer.", digest.TextBody, StringComparison.Ordinal);

        // A mail client's one-click unsubscribe (RFC 8058): a POST with no cookie and no antiforgery token.
        var unsubscribe = digest.Headers["List-Unsubscribe"]!.Trim('<', '>');
        using var oneClick = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        var response = await _site.CreateClient().PostAsync(new Uri(Local(unsubscribe), UriKind.Relative), oneClick, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await _site.WithDbAsync(db => db.ReplySubscriptions.CountAsync(s => s.Email == reader)));

        var count = _smtp.Messages.Count;
        await ApproveAsync(await PostCommentAsync(slug, "late@example.test", "Nobody is told of this one.", parentId: mine));
        _time.Advance(TimeSpan.FromMinutes(4));
        await DeliverAsync();
        Assert.Equal(count, _smtp.Messages.Count);
    }

    [Fact]
    public async Task UnsubscribeLink_Get_OnlyAsks_ThreadLinkStopsOneConversation()
    {
        var slug = await ArticleAsync();
        const string reader = "thread@example.test";
        var first = await PostCommentAsync(slug, reader, "First conversation.", notify: true);
        var second = await PostCommentAsync(slug, reader, "Second conversation.", notify: true);
        await ApproveAsync(first);
        await ApproveAsync(second);
        await _site.WithDbAsync(async db =>
        {
            (await db.SubscriberAddresses.SingleOrDefaultAsync(a => a.Email == reader) ?? db.SubscriberAddresses.Add(new SubscriberAddress { Email = reader }).Entity).ConfirmedAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
        });

        await ApproveAsync(await PostCommentAsync(slug, "x@example.test", "Reply in the first.", parentId: first));
        _time.Advance(TimeSpan.FromMinutes(4));
        await DeliverAsync();
        var notice = Assert.Single(_smtp.Messages, m => (m.Subject ?? string.Empty).StartsWith("x replied", StringComparison.Ordinal));
        var stopThread = Local(LinkIn(notice, "Stop notices for this conversation"));

        var browser = _site.CreateClient();
        var (_, page) = await Html.GetAsync(browser, stopThread);
        Assert.Equal(2, await _site.WithDbAsync(db => db.ReplySubscriptions.CountAsync(s => s.Email == reader)));
        await Html.SubmitAsync(browser, page.QuerySelector<IHtmlFormElement>("main form")!);
        var left = await _site.WithDbAsync(db => db.ReplySubscriptions.Where(s => s.Email == reader).Select(s => s.CommentId).ToListAsync());
        Assert.Equal([second], left);

        var (forged, _) = await Html.GetAsync(browser, stopThread[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task NotifyReplies_WithAValueNoCheckboxSends_ShowsTheFormAgainWithAMessage_AndStoresNothing()
    {
        var slug = await ArticleAsync();
        var client = _site.CreateNoRedirectClient();
        var (_, page) = await Html.GetAsync(client, $"/news/{slug}");

        var response = await Html.SubmitAsync(client, Html.CommentForm(page), new Dictionary<string, string>
        {
            ["Name"] = "Odd",
            ["Email"] = "odd@example.test",
            ["Body"] = "Posted with a strange checkbox value.",
            ["NotifyReplies"] = "maybe",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await Html.ParseAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(again.QuerySelector("#NotifyReplies-error")!.TextContent));
        Assert.Equal("Posted with a strange checkbox value.", again.QuerySelector<IHtmlTextAreaElement>("#Body")!.Value);
        Assert.False(await _site.WithDbAsync(db => db.Comments.AnyAsync(c => c.AuthorEmail == "odd@example.test")));
    }
}
