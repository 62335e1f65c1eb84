namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>
/// A real SMTP server (the SmtpServer package) listening on a loopback port, keeping every message it accepts.
/// It can be stopped and started again on the same port, as a mail server that goes down and comes back.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private CancellationTokenSource? _running;
    private SmtpServer.SmtpServer? _server;
    private Task? _serverTask;

    public SmtpTestServer() => Port = Loopback.FreePort();

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Messages => [.. _messages];

    /// <summary>Settings that point the site at this server.</summary>
    public IEnumerable<KeyValuePair<string, string?>> SiteSettings =>
    [
        new("Smtp:Host", "127.0.0.1"),
        new("Smtp:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Smtp:Security", "None"),
        new("Smtp:From", "news@example.test"),
        new("Smtp:TimeoutSeconds", "5"),
    ];

    public static async Task<SmtpTestServer> StartNewAsync()
    {
        var server = new SmtpTestServer();
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_messages));
        _running = new CancellationTokenSource();
        _server = new SmtpServer.SmtpServer(options, services);
        _serverTask = _server.StartAsync(_running.Token);

        // StartAsync returns only when the server stops; wait until the port answers.
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException("The test SMTP server did not start listening.");
    }

    public async Task StopAsync()
    {
        if (_running is null || _server is null)
        {
            return;
        }

        _server.Shutdown();
        await _running.CancelAsync();
        try
        {
            await _serverTask!.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }

        _running.Dispose();
        _running = null;
        _server = null;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages matching <paramref name="match"/> arrived.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(Func<MimeMessage, bool> match, int count = 1, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var found = Messages.Where(match).ToList();
            if (found.Count >= count || DateTime.UtcNow > deadline)
            {
                return found;
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class Store(ConcurrentQueue<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
