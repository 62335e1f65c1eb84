using Serilog.Core;

namespace NewsPortal.IntegrationTests.Infrastructure.Mail;

/// <summary>Mail queued with the caller's save and delivered with retries, to SMTP or the pickup folder; failures shown to an admin.</summary>
public sealed class OutboxDeliveryTests : OutboxTestBase
{
    [Fact]
    public async Task Add_IsPartOfTheCallersSave_NothingWithoutIt()
    {
        using var site = Site(null);
        var outbox = site.Services.GetRequiredService<Outbox>();

        await site.WithDbAsync(db =>
        {
            outbox.Add(db, new OutboxMail(MailKinds.ReplyNotice, "a@example.test", null, "Not saved", new MailBody().Paragraph("x")));
            return Task.CompletedTask; // the caller never saves
        });
        Assert.Empty(await RowsAsync(site));

        await site.WithDbAsync(async db =>
        {
            var comment = await db.Comments.OrderBy(c => c.Id).FirstAsync();
            comment.StatusReason = "changed with the message";
            outbox.Add(db, new OutboxMail(MailKinds.ReplyNotice, "a@example.test", null, "Saved", new MailBody().Paragraph("x")));
            await db.SaveChangesAsync();
        });
        var row = Assert.Single(await RowsAsync(site));
        Assert.Equal("Saved", row.Subject);
        Assert.Equal(OutboxStatus.Pending, row.Status);
    }

    [Fact]
    public async Task Sender_ServerDown_MessagesWaitAndGoOutExactlyOnceWhenItReturns()
    {
        await using var smtp = new SmtpTestServer(); // not started: the server is down
        var time = new FakeTimeProvider(Start);
        using var site = Site(smtp, time);
        var queued = await QueueAsync(site, 3);

        Assert.Equal(0, await Sender(site).SendDueAsync(TestContext.Current.CancellationToken));
        var waiting = await RowsAsync(site);
        Assert.All(waiting, m =>
        {
            Assert.Equal(OutboxStatus.Pending, m.Status);
            Assert.Equal(1, m.Attempts);
            Assert.NotNull(m.LastError);
            Assert.Equal(Start.UtcDateTime.AddSeconds(30), m.NextAttemptAt);
        });

        // Before the backoff is over nothing is tried again.
        Assert.Equal(0, await Sender(site).SendDueAsync(TestContext.Current.CancellationToken));
        Assert.All(await RowsAsync(site), m => Assert.Equal(1, m.Attempts));

        await smtp.StartAsync();
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(3, await Sender(site).SendDueAsync(TestContext.Current.CancellationToken));

        time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await Sender(site).SendDueAsync(TestContext.Current.CancellationToken));

        Assert.Equal(queued.Select(q => q.MessageId).Order(), smtp.Messages.Select(m => m.MessageId).Order());
        Assert.All(await RowsAsync(site), m =>
        {
            Assert.Equal(OutboxStatus.Sent, m.Status);
            Assert.Equal(2, m.Attempts);
            Assert.Null(m.LastError);
            Assert.Null(m.ClaimToken);
        });
    }

    [Fact]
    public async Task BackgroundSender_DeliversAMessage_WithBothPartsTheSiteAndOneClickUnsubscribe()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        using var site = Site(smtp, background: true);
        var outbox = site.Services.GetRequiredService<Outbox>();
        const string hostileName = "Mallory\r\nBcc: victim@example.test <b>";
        await site.WithDbAsync(async db =>
        {
            outbox.Add(db, new OutboxMail(MailKinds.ReplyNotice, "reader@example.test", hostileName, "A reply from <script>alert(1)</script>\r\nBcc: x@example.test",
                new MailBody().Quote("<img src=x onerror=alert(1)> & more").Link("Read it", "/news/a-story#comment-1"),
                UnsubscribeUrl: "/unsubscribe/abc"));
            await db.SaveChangesAsync();
        });

        var message = Assert.Single(await smtp.WaitForAsync(_ => true));
        Assert.False(string.IsNullOrEmpty(message.MessageId));
        Assert.EndsWith("@news.example.test", message.MessageId, StringComparison.Ordinal);
        Assert.Empty(message.Bcc);
        Assert.Null(message.Headers[HeaderId.Bcc]);
        var to = Assert.IsType<MailboxAddress>(Assert.Single(message.To));
        Assert.Equal("reader@example.test", to.Address);
        Assert.Equal("Mallory  Bcc: victim@example.test <b>", to.Name);
        Assert.StartsWith("A reply from <script>", message.Subject, StringComparison.Ordinal);
        Assert.Equal("<https://news.example.test/unsubscribe/abc>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);

        Assert.Contains("NewsPortal", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://news.example.test/", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://news.example.test/news/a-story#comment-1", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("> <img src=x onerror=alert(1)> & more", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; &amp; more", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://news.example.test/unsubscribe/abc\"", message.HtmlBody, StringComparison.Ordinal);

        var row = Assert.Single(await RowsAsync(site));
        for (var i = 0; i < 100 && row.Status != OutboxStatus.Sent; i++)
        {
            await Task.Delay(50);
            row = Assert.Single(await RowsAsync(site));
        }

        Assert.Equal(OutboxStatus.Sent, row.Status);
    }

    [Fact]
    public async Task NoSmtpHost_WritesEmlFilesToThePickupFolder_AndLogsWhere()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"newsportal-pickup-{Guid.NewGuid():N}");
        var log = new CapturedLog();
        using var site = Site(null);
        site.Settings["Smtp:PickupDirectory"] = folder;
        site.ConfigureServices = services => services.AddSingleton<ILogEventSink>(log);
        try
        {
            var queued = Assert.Single(await QueueAsync(site, 1));
            Assert.Equal(1, await Sender(site).SendDueAsync(TestContext.Current.CancellationToken));

            var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
            var message = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
            Assert.Equal(queued.MessageId, message.MessageId);
            Assert.Contains("Body 1", message.TextBody, StringComparison.Ordinal);
            Assert.Contains(log.Events, e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(folder, StringComparison.Ordinal));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task RejectedForGood_IsMarkedFailed_WithTheErrorAndNoAddress()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        using var site = Site(smtp);
        var outbox = site.Services.GetRequiredService<Outbox>();
        await site.WithDbAsync(async db =>
        {
            outbox.Add(db, new OutboxMail(MailKinds.ReplyNotice, "not an address", null, "Broken", new MailBody().Paragraph("x")));
            await db.SaveChangesAsync();
        });

        Assert.Equal(0, await Sender(site).SendDueAsync(TestContext.Current.CancellationToken));
        var row = Assert.Single(await RowsAsync(site));
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.False(string.IsNullOrEmpty(row.LastError));
        Assert.DoesNotContain("not an address", row.LastError, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task FailedMessage_IsShownToAnAdminWithTheError_AndSendAgainDeliversIt()
    {
        await using var smtp = new SmtpTestServer(); // down
        using var site = Site(smtp).WithAdmin();
        site.Settings["Outbox:MaxAttempts"] = "1";
        var queued = Assert.Single(await QueueAsync(site, 1));
        await Sender(site).SendDueAsync(TestContext.Current.CancellationToken);
        Assert.Equal(OutboxStatus.Failed, Assert.Single(await RowsAsync(site)).Status);

        var admin = await site.SignedInAsync(StaffSessions.AdminEmail);
        var (response, page) = await Html.GetAsync(admin, "/admin/mail");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(page.QuerySelectorAll(".staff-card"));
        Assert.Contains("Message 1", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Failed", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Last error:", card.TextContent, StringComparison.Ordinal);

        await smtp.StartAsync();
        var retry = await Html.SubmitAsync(admin, (AngleSharp.Html.Dom.IHtmlFormElement)card.QuerySelector("form")!, new Dictionary<string, string>());
        Assert.Equal(System.Net.HttpStatusCode.SeeOther, retry.StatusCode);
        Assert.Equal(1, await Sender(site).SendDueAsync(TestContext.Current.CancellationToken));
        Assert.Equal(queued.MessageId, Assert.Single(smtp.Messages).MessageId);
        var (_, after) = await Html.GetAsync(admin, "/admin/mail");
        Assert.Empty(after.QuerySelectorAll(".staff-card"));
    }
}
