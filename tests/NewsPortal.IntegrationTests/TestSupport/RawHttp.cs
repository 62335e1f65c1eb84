namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>
/// HTTP/1.x over a plain socket to a site on a real Kestrel port, for what HttpClient will not do: announce a body and
/// not send it, trickle it, or hang up half way.
/// </summary>
public sealed class RawHttp : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly byte[] _received = new byte[64 * 1024];
    private int _receivedLength;

    private RawHttp(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public static async Task<RawHttp> ConnectAsync(Uri site)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(site.Host, site.Port);
        tcp.NoDelay = true;
        return new RawHttp(tcp);
    }

    public Task SendAsync(string text) => SendAsync(Encoding.ASCII.GetBytes(text));

    public async Task SendAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>
    /// The response's status code, or null if none arrived within <paramref name="timeout"/> (or the connection
    /// closed first).
    /// </summary>
    public async Task<int?> StatusAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var text = Encoding.ASCII.GetString(_received, 0, _receivedLength);
                var lineEnd = text.IndexOf("\r\n", StringComparison.Ordinal);
                if (lineEnd > 0)
                {
                    // "HTTP/1.1 413 Payload Too Large"
                    return int.Parse(text.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
                }

                var read = await _stream.ReadAsync(_received.AsMemory(_receivedLength), cancel.Token);
                if (read == 0)
                {
                    return null;
                }

                _receivedLength += read;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads until the server closes the connection; false if it was still open after <paramref name="timeout"/>.
    /// </summary>
    public async Task<bool> ClosedByServerAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var scratch = new byte[16 * 1024];
        try
        {
            while (await _stream.ReadAsync(scratch, cancel.Token) > 0)
            {
            }

            return true;
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Sends FIN: this client has said all it will, as a proxy does once it has its answer.</summary>
    public void ShutdownSend() => _tcp.Client.Shutdown(SocketShutdown.Send);

    /// <summary>Hangs up at once (RST), as a client that is killed does.</summary>
    public void Abort()
    {
        _tcp.Client.LingerState = new LingerOption(true, 0);
        _tcp.Client.Close();
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }
}
