using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using NewsPortal.IntegrationTests.TestSupport;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Infrastructure.Mail;
using Serilog.Core;

namespace NewsPortal.IntegrationTests.Infrastructure.Mail;

/// <summary>
/// The transactional outbox against a real SMTP server on loopback: queued with the caller's save, delivered with
/// retries, once per row across instances while sends stay within the lease (which start-up and the sender see to),
/// and never lost when a sender dies.
/// </summary>
public sealed class OutboxTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static NewsPortalFactory Site(SmtpTestServer? smtp, FakeTimeProvider? time = null, string? database = null, bool background = false)
    {
        var factory = database is null ? new NewsPortalFactory() : new NewsPortalFactory { DatabasePath = database };
        factory.Time = time;
        factory.Settings["Outbox:Enabled"] = background ? "true" : "false";
        factory.Settings["Outbox:PollInterval"] = "00:00:00.100";
        factory.Settings["Outbox:FirstBackoff"] = "00:00:30";
        // The clock steps below are sized to a two-minute lease; the test server's 5 s timeout fits it.
        factory.Settings["Outbox:Lease"] = "00:02:00";
        factory.Settings["Site:PublicUrl"] = "https://news.example.test";
        foreach (var (key, value) in smtp?.SiteSettings ?? [])
        {
            factory.Settings[key] = value;
        }

        return factory;
    }

    private static async Task<List<OutboxMessage>> QueueAsync(NewsPortalFactory site, int count, string name = "Reader")
    {
        var outbox = site.Services.GetRequiredService<Outbox>();
        return await site.WithDbAsync(async db =>
        {
            var rows = Enumerable.Range(1, count)
                .Select(i => outbox.Add(db, new OutboxMail(MailKinds.ReplyNotice, $"reader{i}@example.test", name, $"Message {i}",
                    new MailBody().Paragraph($"Body {i}").Link("Read it", "/news/a-story"))))
                .ToList();
            await db.SaveChangesAsync();
            return rows;
        });
    }

    private static Task<List<OutboxMessage>> RowsAsync(NewsPortalFactory site) =>
        site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    private static OutboxSender Sender(NewsPortalFactory site) => site.Services.GetRequiredService<OutboxSender>();

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
    public async Task TwoInstances_SendingAtOnceWithinTheLease_DeliverEachMessageOnce()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        var database = Path.Combine(Path.GetTempPath(), $"newsportal-outbox-{Guid.NewGuid():N}.db");
        using var a = Site(smtp, database: database);
        _ = a.Server;
        using var b = Site(smtp, database: database);
        _ = b.Server;
        var queued = await QueueAsync(a, 30);

        // Four passes at once on each instance, all racing for the same rows.
        var passes = Enumerable.Range(0, 8)
            .Select(i => Task.Run(() => Sender(i % 2 == 0 ? a : b).SendDueAsync(TestContext.Current.CancellationToken)))
            .ToList();
        var delivered = (await Task.WhenAll(passes)).Sum();

        Assert.Equal(30, delivered);
        var received = smtp.Messages.Select(m => m.MessageId).ToList();
        Assert.Equal(30, received.Count);
        Assert.Equal(queued.Select(q => q.MessageId).Order(), received.Order());
        Assert.All(await RowsAsync(a), m => Assert.Equal(OutboxStatus.Sent, m.Status));
    }

    [Fact]
    public async Task ClaimedRowDeletedBeforeItIsRead_IsSkipped_AndTheRestOfThePassIsSent()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        var erasure = new DeleteRightAfterItsClaim();
        using var site = Site(smtp);
        site.ConfigureServices = services => services.ConfigureDbContext<SqliteNewsDbContext>(o => o.AddInterceptors(erasure));
        var queued = await QueueAsync(site, 3);

        // An erasure deletes the first message by key just after this sender claimed it, before it is read.
        erasure.Arm(queued[0].Id);
        var delivered = await Sender(site).SendDueAsync(TestContext.Current.CancellationToken);

        Assert.True(erasure.Deleted, "The first message should have been deleted between its claim and its read.");
        Assert.Equal(2, delivered);
        Assert.Equal(queued.Skip(1).Select(q => q.MessageId).Order(), smtp.Messages.Select(m => m.MessageId).Order());
        var rows = await RowsAsync(site);
        Assert.Equal(queued.Skip(1).Select(q => q.Id), rows.Select(r => r.Id));
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));
    }

    /// <summary>Deletes one outbox row on the claim's own connection, right after the claim's UPDATE has run.</summary>
    private sealed class DeleteRightAfterItsClaim : DbCommandInterceptor
    {
        private long? _id;

        public bool Deleted { get; private set; }

        public void Arm(long id) => _id = id;

        public override async ValueTask<int> NonQueryExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (_id is { } id && result == 1 && command.CommandText.StartsWith("UPDATE", StringComparison.Ordinal)
                && command.CommandText.Contains("\"Attempts\"", StringComparison.Ordinal)
                && command.Parameters.Cast<DbParameter>().Any(p => Equals(p.Value, id)))
            {
                _id = null;
                await using var delete = command.Connection!.CreateCommand();
                delete.CommandText = $"DELETE FROM \"OutboxMessages\" WHERE \"Id\" = {id}";
                Deleted = await delete.ExecuteNonQueryAsync(cancellationToken) == 1;
            }

            return result;
        }
    }

    [Theory]
    [InlineData("00:02:00", "30")]
    [InlineData("00:00:50", "5")]
    public void LeaseNoLongerThanFourSmtpTimeoutsAndAMargin_StopsStartUp_NamingBothKeys(string lease, string timeoutSeconds)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "mail.example.test",
            ["Smtp:From"] = "news@example.test",
            ["Smtp:TimeoutSeconds"] = timeoutSeconds,
            ["Outbox:Lease"] = lease,
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddMail();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<OutboxOptions>>().Value);
        var message = Assert.Single(error.Failures);
        Assert.Contains("Outbox:Lease must be longer than 4 × Smtp:TimeoutSeconds + 30 s", message, StringComparison.Ordinal);
        Assert.Contains("Raise Outbox:Lease or lower Smtp:TimeoutSeconds.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultLease_OutlastsFourDefaultSmtpTimeoutsAndTheMargin()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "mail.example.test",
            ["Smtp:From"] = "news@example.test",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddMail();
        using var provider = services.BuildServiceProvider();

        Assert.Equal(TimeSpan.FromMinutes(5), provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<OutboxOptions>>().Value.Lease);
    }

    /// <summary>
    /// A server that accepts the connection and never answers, with an SMTP timeout (60 s) far longer than the test
    /// waits: the send is given up when the lease less its margin has passed on the sender's clock, recorded as a
    /// failed attempt, and its claim released, so it never runs on while another instance takes the message over.
    /// </summary>
    [Fact]
    public async Task SendStillRunningNearTheEndOfTheLease_IsGivenUpAndRetried_BeforeTheClaimRunsOut()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        var time = new FakeTimeProvider(Start);
        using var site = Site(null, time);
        site.Settings["Smtp:Host"] = "127.0.0.1";
        site.Settings["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        site.Settings["Smtp:Security"] = "None";
        site.Settings["Smtp:From"] = "news@example.test";
        site.Settings["Smtp:TimeoutSeconds"] = "60";
        site.Settings["Outbox:Lease"] = "00:05:00";
        var queued = Assert.Single(await QueueAsync(site, 1));

        var pass = Sender(site).SendDueAsync(TestContext.Current.CancellationToken);
        using var connection = await silent.AcceptTcpClientAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        time.Advance(TimeSpan.FromMinutes(4.5));

        Assert.Equal(0, await pass.WaitAsync(TimeSpan.FromSeconds(20)));
        var row = Assert.Single(await RowsAsync(site));
        Assert.Equal(queued.Id, row.Id);
        Assert.Equal(OutboxStatus.Pending, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.ClaimToken);
        Assert.Contains("given up after 270 s", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AbandonedClaim_IsTakenOverAfterTheLease_AndDeliveredOnce()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        var time = new FakeTimeProvider(Start);
        using var site = Site(smtp, time);
        var queued = Assert.Single(await QueueAsync(site, 1));

        // An instance claims the message and dies before sending it.
        Assert.NotNull(await Sender(site).TryClaimAsync(queued.Id, TestContext.Current.CancellationToken));

        // While the claim stands, nobody else sends it.
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await Sender(site).SendDueAsync(TestContext.Current.CancellationToken));
        Assert.Empty(smtp.Messages);

        // Once it has run out, the message is taken over: not lost.
        time.Advance(TimeSpan.FromMinutes(1.5));
        Assert.Equal(1, await Sender(site).SendDueAsync(TestContext.Current.CancellationToken));
        Assert.Equal(queued.MessageId, Assert.Single(smtp.Messages).MessageId);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await RowsAsync(site)).Status);
    }

    [Fact]
    public async Task KilledAfterHandingOver_DeliversAtMostOnceMore_WithTheSameMessageId()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        var time = new FakeTimeProvider(Start);
        using var site = Site(smtp, time);
        var queued = Assert.Single(await QueueAsync(site, 1));

        // An instance claims the message, hands it to the server, and dies before recording that it did.
        Assert.NotNull(await Sender(site).TryClaimAsync(queued.Id, TestContext.Current.CancellationToken));
        var row = Assert.Single(await RowsAsync(site));
        await site.Services.GetRequiredService<IMailTransport>().SendAsync(
            MimeMessageFactory.Create(row, "news@example.test", "News", Start), TestContext.Current.CancellationToken);

        time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await Sender(site).SendDueAsync(TestContext.Current.CancellationToken));
        time.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await Sender(site).SendDueAsync(TestContext.Current.CancellationToken));

        Assert.Equal(2, smtp.Messages.Count);
        Assert.All(smtp.Messages, m => Assert.Equal(queued.MessageId, m.MessageId));
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await RowsAsync(site)).Status);
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
