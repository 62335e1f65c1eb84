namespace NewsPortal.IntegrationTests.Infrastructure.Mail;

/// <summary>Sites with the transactional outbox against a real SMTP server on loopback, and their queued rows, shared by the outbox tests.</summary>
public abstract class OutboxTestBase
{
    private protected static readonly DateTimeOffset Start = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private protected static NewsPortalFactory Site(SmtpTestServer? smtp, FakeTimeProvider? time = null, string? database = null, bool background = false)
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

    private protected static async Task<List<OutboxMessage>> QueueAsync(NewsPortalFactory site, int count, string name = "Reader")
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

    private protected static Task<List<OutboxMessage>> RowsAsync(NewsPortalFactory site) =>
        site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    private protected static OutboxSender Sender(NewsPortalFactory site) => site.Services.GetRequiredService<OutboxSender>();
}
