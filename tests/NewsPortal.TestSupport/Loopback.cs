namespace NewsPortal.TestSupport;

/// <summary>Everything in the topology listens on 127.0.0.1 only.</summary>
public static class Loopback
{
    /// <summary>A port nothing listens on right now (the kernel's choice, released at once).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary><paramref name="count"/> different free ports, for processes that must not share one.</summary>
    public static int[] FreePorts(int count)
    {
        var ports = new HashSet<int>();
        while (ports.Count < count)
        {
            ports.Add(FreePort());
        }

        return [.. ports];
    }

    public static Uri Url(int port) => new($"http://127.0.0.1:{port}");

    /// <summary>Polls <paramref name="condition"/> until it is true or <paramref name="timeout"/> passes.</summary>
    public static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, TimeSpan? interval = null)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(100));
        }
    }
}
