using System.Net.Sockets;
using System.Text;

namespace NewsPortal.TopologyTests.TestSupport;

/// <summary>
/// redis-server as a child process on a loopback port, in the foreground, with no persistence: stopping it loses
/// everything, as a crashed cache would. Started again on the same port, so the site's configured address stays right.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly ProcessGuard _guard;
    private readonly string _executable;
    private readonly string _directory;
    private ChildProcess? _process;

    public RedisServer(ProcessGuard guard, string executable, string directory, int port)
    {
        _guard = guard;
        _executable = executable;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string the site is given.</summary>
    public string ConfigurationString => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    public string LogPath => Path.Combine(_directory, "redis.log");

    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        _process?.Dispose();
        _process = ChildProcess.Start(
            _guard,
            _executable,
            ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty,
                "--appendonly", "no", "--dir", _directory, "--daemonize", "no"],
            _directory,
            LogPath);

        var process = _process;
        var answered = await Loopback.WaitUntilAsync(async () => process.HasExited || await PingAsync(), StartTimeout);
        if (process.HasExited || !answered)
        {
            throw new InvalidOperationException(
                $"redis-server did not answer PING on 127.0.0.1:{Port} within {StartTimeout.TotalSeconds} s (exited: {process.HasExited}).\n{process.LogTail()}");
        }
    }

    /// <summary>Kills redis-server hard: clients see their connections drop, as in a crash.</summary>
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
            await client.ConnectAsync("127.0.0.1", Port, timeout.Token);
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

    public void Dispose() => _process?.Dispose();
}
