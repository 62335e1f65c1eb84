namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>
/// A site with an admin, on a fake clock, with a real SMTP server on loopback. Mail goes out only when a test runs the
/// dispatcher and the sender (<see cref="DeliverAsync"/>), never on the background jobs' timers, and every save passes
/// a barrier a test can hold (<see cref="_barrier"/>).
/// </summary>
public abstract class MailSiteTestBase : IAsyncLifetime
{
    private protected readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private protected readonly QueryBarrier _barrier = new();
    private protected SmtpTestServer _smtp = null!;
    private protected NewsPortalFactory _site = null!;

    public async ValueTask InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartNewAsync();
        _site = new NewsPortalFactory { Time = _time }.WithAdmin();
        _site.Settings["Outbox:Enabled"] = "false";
        _site.Settings["Notifications:Enabled"] = "false";
        foreach (var (key, value) in _smtp.SiteSettings)
        {
            _site.Settings[key] = value;
        }

        _site.DbInterceptors.Add(_barrier);
        _site.ConfigureServices = ConfigureServices;
        await ConfigureAsync(_site);
    }

    public async ValueTask DisposeAsync()
    {
        _site.Dispose();
        await _smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>What a test class adds to the site before it starts: settings, staff.</summary>
    private protected abstract Task ConfigureAsync(NewsPortalFactory site);

    private protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>The dispatcher, then the sender: what the two background jobs do on their next turn.</summary>
    private protected Task DeliverAsync() => _site.DeliverAsync();
}
