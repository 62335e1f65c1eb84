namespace NewsPortal.TopologyTests.Infrastructure.Proxy;

/// <summary>
/// nginx's access log, in the shipped template's own format, records which page was asked for but never the query
/// string, where signed links (privacy export and erase, reply-notice confirm and unsubscribe) carry their token.
/// </summary>
public sealed class NginxAccessLogTests(Topology topology)
{
    private static readonly TimeSpan LoggedTimeout = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("/privacy/export")]
    [InlineData("/privacy/erase")]
    public async Task SignedLinkThroughNginx_IsLoggedWithoutItsToken(string path)
    {
        await topology.ReadyAsync();
        var token = $"secret{Guid.NewGuid():N}";
        var browser = $"access-log-test-{Guid.NewGuid():N}";
        using var client = new HttpClient { BaseAddress = topology.PublicUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{path}?t={token}");
        request.Headers.TryAddWithoutValidation("User-Agent", browser);
        using var response = await client.SendAsync(request);

        // nginx writes the line once the response is sent; the test's own User-Agent finds it.
        string? line = null;
        var logged = await Loopback.WaitUntilAsync(
            () =>
            {
                line = File.Exists(topology.Nginx.AccessLogPath)
                    ? File.ReadLines(topology.Nginx.AccessLogPath).FirstOrDefault(l => l.Contains(browser, StringComparison.Ordinal))
                    : null;
                return Task.FromResult(line is not null);
            },
            LoggedTimeout,
            TimeSpan.FromMilliseconds(50));

        Assert.True(logged, $"nginx logged no line for the request within {LoggedTimeout.TotalSeconds} s ({(int)response.StatusCode} answered). Log ends:\n{ChildProcess.ReadTail(topology.Nginx.AccessLogPath, 5)}");
        Assert.DoesNotContain(token, File.ReadAllText(topology.Nginx.AccessLogPath), StringComparison.Ordinal);
        Assert.Contains($"GET {path} ", line, StringComparison.Ordinal);
    }
}
