namespace NewsPortal.TestSupport;

/// <summary>
/// A loopback TCP relay in front of a <see cref="RedisServer"/>: give one instance its address, and
/// <see cref="Cut"/> cuts that instance alone off from Redis while the others keep theirs: its connections are
/// closed, and new ones are accepted but never answered, as across a network partition. <see cref="Restore"/> lets
/// it back (the unanswered connections are closed, so the client connects again).
/// </summary>
public sealed class RedisLink : IAsyncDisposable
{
    private readonly int _targetPort;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private readonly List<TcpClient> _open = [];
    private readonly List<TcpClient> _held = [];
    private readonly Task _accepting;
    private bool _cut;

    public RedisLink(RedisServer target)
    {
        _targetPort = target.Port;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Closes every relayed connection and refuses new ones until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        lock (_lock)
        {
            _cut = true;
            foreach (var client in _open)
            {
                client.Dispose();
            }

            _open.Clear();
        }
    }

    public void Restore()
    {
        lock (_lock)
        {
            _cut = false;
            foreach (var client in _held)
            {
                client.Dispose();
            }

            _held.Clear();
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient downstream;
            try
            {
                downstream = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = RelayAsync(downstream);
        }
    }

    private async Task RelayAsync(TcpClient downstream)
    {
        var upstream = new TcpClient();
        lock (_lock)
        {
            if (_cut)
            {
                _held.Add(downstream);
                upstream.Dispose();
                return;
            }

            _open.Add(downstream);
            _open.Add(upstream);
        }

        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            var down = downstream.GetStream();
            var up = upstream.GetStream();
            await Task.WhenAny(down.CopyToAsync(up, _stop.Token), up.CopyToAsync(down, _stop.Token));
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
        }
        finally
        {
            lock (_lock)
            {
                _open.Remove(downstream);
                _open.Remove(upstream);
            }

            downstream.Dispose();
            upstream.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        Restore();
        await _accepting;
        _stop.Dispose();
    }
}
