namespace NewsPortal.IntegrationTests.Infrastructure.Telemetry;

/// <summary>The meters of background work: the outbox's gauge and failures, import progress.</summary>
[Collection(nameof(MetricsCollection))]
public sealed class BackgroundMetricsTests(MetricsSite site) : MetricsTestBase(site)
{
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
}
