namespace NewsPortal.TopologyTests.Infrastructure.Media;

/// <summary>
/// nginx, with the shipped template's /media/ location, serves media library variants itself from the folder the
/// instances write them to (the compose stack's shared volume): immutable caching, ETag, the right type, no instance
/// asked; files being written (dotfiles) and originals are never served.
/// </summary>
public sealed class NginxMediaTests(Topology topology)
{
    private static readonly TimeSpan LoggedTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Variant_IsServedByNginxFromTheSharedFolder_ImmutableWithETagAndType()
    {
        await topology.ReadyAsync();
        var bytes = RandomNumberGenerator.GetBytes(5000);
        var name = $"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}.webp";
        var variants = Directory.CreateDirectory(Path.Combine(topology.MediaRoot, "variants")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(variants, name), bytes);
        await File.WriteAllBytesAsync(Path.Combine(variants, $".{name}.half.tmp"), bytes[..100]);
        var browser = $"media-test-{Guid.NewGuid():N}";
        using var client = new HttpClient { BaseAddress = topology.PublicUrl };
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", browser);

        using var response = await client.GetAsync(new Uri($"/media/{name}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", string.Join(", ", response.Headers.GetValues("Cache-Control")));
        var etag = response.Headers.ETag ?? throw new Xunit.Sdk.XunitException("No ETag.");

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/media/{name}");
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        // The access log's upstream field is "-" when nginx answered from the folder without asking an instance.
        string[] lines = [];
        var logged = await Loopback.WaitUntilAsync(
            () =>
            {
                lines = File.Exists(topology.Nginx.AccessLogPath)
                    ? [.. File.ReadLines(topology.Nginx.AccessLogPath).Where(l => l.Contains(browser, StringComparison.Ordinal))]
                    : [];
                return Task.FromResult(lines.Length >= 2);
            },
            LoggedTimeout,
            TimeSpan.FromMilliseconds(50));
        Assert.True(logged, $"nginx logged {lines.Length} of 2 lines within {LoggedTimeout.TotalSeconds} s. Log ends:\n{ChildProcess.ReadTail(topology.Nginx.AccessLogPath, 5)}");
        Assert.All(lines, l => Assert.Contains("upstream=- ", l, StringComparison.Ordinal));

        // The instances serve the same file from the same folder (what answers when nginx is not in front).
        using var direct = new HttpClient { BaseAddress = topology.A.BaseAddress };
        Assert.Equal(bytes, await direct.GetByteArrayAsync(new Uri($"/media/{name}", UriKind.Relative)));

        foreach (var hidden in new[] { $"/media/.{name}.half.tmp", "/media/missing.webp", "/media/../originals/x.jpg" })
        {
            using var refused = await client.GetAsync(new Uri(hidden, UriKind.Relative));
            Assert.True(refused.StatusCode == HttpStatusCode.NotFound, $"{hidden}: {(int)refused.StatusCode}");
        }
    }
}
