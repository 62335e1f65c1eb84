namespace NewsPortal.TestSupport;

/// <summary>
/// A real redis-server (Debian's) as a child process on a loopback port, in the foreground, with no persistence:
/// stopping it loses everything, as a crashed cache would, and it starts again on the same port, so the site's
/// configured address stays right. Its output goes to <see cref="LogPath"/>, and a <see cref="ProcessGuard"/> sees that
/// it never outlives the test run.
/// <para>
/// As an xUnit fixture (<c>new RedisServer()</c>) it takes a free port and a folder of its own and starts at once;
/// without redis-server, tests that call <see cref="Require"/> are skipped with a message, except under CI=true, where
/// they fail. A test environment that starts several processes passes its own guard, folder and port instead.
/// </para>
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private static readonly string[] Candidates = ["/usr/bin/redis-server", "/usr/local/bin/redis-server", "/usr/sbin/redis-server"];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly ProcessGuard _guard;
    private readonly string _executable;
    private readonly string _directory;

    // Set when this server made its own guard and folder (the fixture form), so it removes them at the end.
    private readonly bool _ownsGuardAndDirectory;
    private ChildProcess? _process;

    /// <summary>A server with its own free port, temporary folder and guard, started by <see cref="InitializeAsync"/>.</summary>
    public RedisServer()
    {
        _directory = Directory.CreateTempSubdirectory("newsportal-redis-").FullName;
        _guard = new ProcessGuard(_directory);
        _ownsGuardAndDirectory = true;
        _executable = Executable ?? "redis-server";
        Port = Loopback.FreePort();
    }

    /// <summary>A server in <paramref name="directory"/> on <paramref name="port"/>; the caller starts it and owns both.</summary>
    public RedisServer(ProcessGuard guard, string executable, string directory, int port)
    {
        _guard = guard;
        _executable = executable;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string the site is given (<c>ConnectionStrings:Redis</c>).</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    public string LogPath => Path.Combine(_directory, "redis.log");

    /// <summary>Debian's redis-server, or null when it is not installed.</summary>
    public static string? Executable => Candidates.FirstOrDefault(File.Exists);

    /// <summary>Call first in every test that needs a fixture's Redis.</summary>
    public static void Require()
    {
        if (Executable is not null)
        {
            return;
        }

        const string Message = "redis-server is not installed (apt-get install -y redis-server); .ci/run installs it.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("CI=true but " + Message);
        }

        Assert.Skip("Skipped: " + Message);
    }

    public async ValueTask InitializeAsync()
    {
        if (Executable is not null)
        {
            await StartAsync();
        }
    }

    /// <summary>Starts redis-server unless it runs, and waits until it answers PING.</summary>
    public async Task StartAsync()
    {
        if (!IsRunning)
        {
            _process = await ChildProcess.RestartAsync(
                Interlocked.Exchange(ref _process, null),
                _guard,
                (_executable, ["--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty,
                    "--appendonly", "no", "--dir", _directory, "--daemonize", "no"], _directory, LogPath),
                environment: null,
                PingAsync,
                StartTimeout,
                $"redis-server on 127.0.0.1:{Port}");
        }
    }

    /// <summary>Kills redis-server hard: clients see their connections drop, as in a crash or a network cut.</summary>
    public Task StopAsync()
    {
        _process?.Kill();
        return Task.CompletedTask;
    }

    /// <summary>True when redis answers PING with +PONG (RESP inline command over a raw socket).</summary>
    public async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Runs one command (as RESP, so arguments may hold spaces) on a connection of its own and returns the first
    /// line of the reply, e.g. <c>:2</c> for <c>CLIENT KILL TYPE pubsub</c> when two subscribers were cut off.
    /// </summary>
    public async Task<string> CommandAsync(params string[] arguments)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
        var stream = client.GetStream();
        var request = new StringBuilder($"*{arguments.Length}\r\n");
        foreach (var argument in arguments)
        {
            request.Append(CultureInfo.InvariantCulture, $"${Encoding.UTF8.GetByteCount(argument)}\r\n{argument}\r\n");
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), timeout.Token);
        var buffer = new byte[512];
        var read = await stream.ReadAsync(buffer, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, read).Split("\r\n")[0];
    }

    public ValueTask DisposeAsync()
    {
        _process?.Dispose();
        _process = null;
        if (_ownsGuardAndDirectory)
        {
            _guard.Dispose();
            Directory.Delete(_directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
