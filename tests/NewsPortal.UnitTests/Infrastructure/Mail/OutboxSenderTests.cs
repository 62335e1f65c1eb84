namespace NewsPortal.UnitTests.Infrastructure.Mail;

/// <summary>
/// The outbox's retry schedule and what it stores of a failure. Claiming, leases and the give-up after
/// <see cref="OutboxOptions.MaxAttempts"/> run against a real SMTP server and database in OutboxDeliveryTests and OutboxLeaseTests.
/// </summary>
public sealed class OutboxSenderTests
{
    private static OutboxSender Sender(TimeSpan firstBackoff, TimeSpan maxBackoff) => new(
        new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(),
        Fake.Unused<IMailTransport>(),
        TimeProvider.System,
        Options.Create(new OutboxOptions { FirstBackoff = firstBackoff, MaxBackoff = maxBackoff }),
        Options.Create(new SmtpOptions()),
        new MailSite(new HttpContextAccessor(), new PublicUrls(Options.Create(new SiteOptions()), Fake.Unused<IServer>()), Options.Create(new SiteOptions())),
        NullLogger<OutboxSender>.Instance);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(4, 240)]
    [InlineData(7, 1_920)]
    public void Backoff_DoublesWithEachFailure_FromTheFirstWait(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Sender(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1)).Backoff(attempts));

    [Theory]
    [InlineData(8)] // 30 s × 2^7 = 64 min: the first past the cap
    [InlineData(31)]
    [InlineData(100)] // the doubling stops counting long before a TimeSpan could overflow
    [InlineData(int.MaxValue)]
    public void Backoff_PastTheCap_IsTheCap(int attempts) =>
        Assert.Equal(TimeSpan.FromHours(1), Sender(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1)).Backoff(attempts));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Backoff_BeforeAnyFailure_IsTheFirstWait(int attempts) =>
        Assert.Equal(TimeSpan.FromSeconds(30), Sender(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1)).Backoff(attempts));

    [Fact]
    public void Backoff_CapBelowTheFirstWait_IsTheCap() =>
        Assert.Equal(TimeSpan.FromSeconds(10), Sender(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10)).Backoff(1));

    [Fact]
    public void Backoff_NoFirstWait_RetriesAtOnce_Always() =>
        Assert.Equal(TimeSpan.Zero, Sender(TimeSpan.Zero, TimeSpan.FromHours(1)).Backoff(9));

    [Fact]
    public void Scrub_TheRecipientQuotedInAnyCase_IsReplaced() =>
        Assert.Equal(
            "SmtpCommandException: 550 5.1.1 <(recipient)>: mailbox unavailable",
            OutboxSender.Scrub("SmtpCommandException: 550 5.1.1 <Reader.One@Example.TEST>: mailbox unavailable", "reader.one@example.test"));

    [Fact]
    public void Scrub_AnyOtherAddress_IsReplaced()
    {
        var scrubbed = OutboxSender.Scrub("Relay denied for postmaster@relay.example (forwarded to \"someone+tag@other.example\")", "reader@example.test");

        Assert.Equal("Relay denied for (address) (forwarded to \"(address)\")", scrubbed);
    }

    [Fact]
    public void Scrub_NoAddress_KeepsTheErrorAsItIs() =>
        Assert.Equal("IOException: Connection refused", OutboxSender.Scrub("IOException: Connection refused", "reader@example.test"));

    [Fact]
    public void Scrub_LongerThanTheColumn_IsCutToIt()
    {
        var scrubbed = OutboxSender.Scrub("SocketException: " + new string('x', 2 * FieldLengths.MailError), "reader@example.test");

        Assert.Equal(FieldLengths.MailError, scrubbed.Length);
        Assert.StartsWith("SocketException: xxx", scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrub_AnAddressAcrossTheCut_LeavesNoPartOfIt()
    {
        // Replaced before the cut, so the cut cannot leave the start of an address.
        var error = new string('x', FieldLengths.MailError - 10) + " reader@example.test";

        Assert.DoesNotContain("reader", OutboxSender.Scrub(error, "reader@example.test"), StringComparison.Ordinal);
    }
}
