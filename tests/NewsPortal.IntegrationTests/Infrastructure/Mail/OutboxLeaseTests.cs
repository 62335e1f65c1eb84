namespace NewsPortal.IntegrationTests.Infrastructure.Mail;

/// <summary>Once per row across instances while sends stay within the lease (which start-up and the sender see to), and never lost when a sender dies.</summary>
public sealed class OutboxLeaseTests : OutboxTestBase
{
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
        site.DbInterceptors.Add(erasure);
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
        var (site, time, queued) = await ClaimedAsync(smtp);
        using var owned = site;

        // The instance that claimed the message dies before sending it.

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
        var (site, time, queued) = await ClaimedAsync(smtp);
        using var owned = site;

        // The instance that claimed the message hands it to the server, and dies before recording that it did.
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

    /// <summary>A site on a fake clock with one queued message, claimed by an instance (which the test then lets die).</summary>
    private static async Task<(NewsPortalFactory Site, FakeTimeProvider Time, OutboxMessage Queued)> ClaimedAsync(SmtpTestServer smtp)
    {
        var time = new FakeTimeProvider(Start);
        var site = Site(smtp, time);
        var queued = Assert.Single(await QueueAsync(site, 1));
        Assert.NotNull(await Sender(site).TryClaimAsync(queued.Id, TestContext.Current.CancellationToken));
        return (site, time, queued);
    }
}
