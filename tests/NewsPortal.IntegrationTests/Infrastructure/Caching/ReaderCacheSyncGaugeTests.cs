namespace NewsPortal.IntegrationTests.Infrastructure.Caching;

/// <summary>
/// <c>newsportal_reader_cache_sync</c> with Redis: shared while the instance is in step through a real redis-server,
/// degraded once Redis is gone. Read with a <see cref="MeterListener"/> limited to this host's own meter, as its
/// exporter reads it: the gauge hangs off the host's meter factory, and other hosts in this process have their own.
/// </summary>
public sealed class ReaderCacheSyncGaugeTests : IAsyncLifetime
{
    private const string Gauge = "newsportal.reader_cache.sync";

    private readonly RedisServer _redis = new();

    public async ValueTask InitializeAsync() => await _redis.InitializeAsync();

    public async ValueTask DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task SyncGauge_WithRedisUpThenStopped_ReadsSharedThenDegraded()
    {
        RedisServer.Require();
        await using var site = new NewsPortalFactory();
        site.Settings["ConnectionStrings:Redis"] = _redis.ConnectionString;
        site.Settings["Cache:SyncMilliseconds"] = "400";
        _ = site.Server;
        _ = site.Services.GetRequiredService<SiteGauges>();

        await StateBecomesAsync(site, "shared");
        await _redis.StopAsync();

        await StateBecomesAsync(site, "degraded");
    }

    /// <summary>Collects the gauge until exactly <paramref name="wanted"/> reads 1 (bounded), and says what it read if not.</summary>
    private static async Task StateBecomesAsync(NewsPortalFactory site, string wanted)
    {
        var scope = site.Services.GetRequiredService<IMeterFactory>();
        var states = new Dictionary<string, int>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == Gauge && ReferenceEquals(instrument.Meter.Scope, scope))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "state")
                {
                    states[(string)tag.Value!] = value;
                }
            }
        });
        listener.Start();

        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var seen = "nothing";
        while (DateTime.UtcNow < until)
        {
            states.Clear();
            listener.RecordObservableInstruments();
            seen = states.Count == 0 ? "nothing" : string.Join(", ", states.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"));
            if (states.Count == 3 && states.Where(s => s.Value == 1).Select(s => s.Key).SequenceEqual([wanted]))
            {
                return;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"{Gauge} never read {wanted}=1 alone within 30 s; last read: {seen}");
    }
}
