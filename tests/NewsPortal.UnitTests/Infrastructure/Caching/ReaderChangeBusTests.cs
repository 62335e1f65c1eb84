using StackExchange.Redis;

namespace NewsPortal.UnitTests.Infrastructure.Caching;

/// <summary>
/// The Redis bus's own logic, over a Redis client with no server (<see cref="RedisFake"/>) that keeps the shared
/// counters as the bus's script would: what a change committed here sends, what a message from another instance
/// does, and the bookkeeping of changes Redis could not count. The script and the channel themselves run against a
/// real redis-server in the integration and topology tests (SeveralInstancesTests, RedisOutageTests).
/// </summary>
public sealed class ReaderChangeBusTests : IDisposable
{
    private readonly MemoryDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly RedisFake _redis = new();
    private readonly ReaderCache _cache;
    private readonly ReaderChangeBus _bus;
    private string? _epoch = "e1";
    private long _articles = 5;
    private long _comments = 3;

    public ReaderChangeBusTests()
    {
        _redis.Script = (_, values) => Count(values);
        _redis.HashGet = (_, _) => Stored();
        _cache = ReaderCaches.Cache(_database, _time, _redis.Connection);
        _bus = ReaderCaches.Bus(_cache, _time, _redis.Connection);
    }

    public void Dispose()
    {
        _bus.Dispose();
        _cache.Dispose();
        _database.Dispose();
    }

    /// <summary>What the count script does: starts an epoch if there is none, adds one to the kind's counter, answers all three.</summary>
    private RedisResult Count(RedisValue[] values)
    {
        _epoch ??= values[0];
        _ = values[1] == "articles" ? ++_articles : ++_comments;
        return RedisResult.Create(Stored());
    }

    private RedisValue[] Stored() => [_epoch is null ? RedisValue.Null : (RedisValue)_epoch, _articles, _comments];

    private async Task StartAsync()
    {
        await _bus.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => _redis.Handler is not null && _bus.SinceLastRead is not null, () => $"handler {_redis.Handler is not null}, last read {_bus.SinceLastRead}");
    }

    /// <summary>Waits for the read the last tick started: it records its start (now, on this clock) when it is done.</summary>
    private Task NextReadAsync() =>
        Eventually.HoldsAsync(() => _bus.SinceLastRead == TimeSpan.Zero, () => $"last read {_bus.SinceLastRead} ago, {_redis.Scripts.Count} scripts, {_redis.HashReads} reads");

    private void Deliver(string message) => _redis.Handler!(RedisChannel.Literal(ReaderChangeBus.Channel), message);

    [Fact]
    public async Task PublishAsync_WithoutRedis_MovesOnlyThisInstancesVersions_AndLeavesNothingUnsent()
    {
        var redis = ReaderCaches.NoRedis();
        using var cache = ReaderCaches.Cache(_database, _time, redis);
        using var bus = ReaderCaches.Bus(cache, _time, redis);
        var before = await cache.VersionsAsync();

        await bus.PublishAsync(ReaderChange.Comments);
        Assert.Equal(before with { Comments = before.Comments + 1 }, await cache.VersionsAsync());

        await bus.PublishAsync(ReaderChange.Articles);
        Assert.Equal(new ReaderVersions(before.Articles + 1, before.Comments + 2), await cache.VersionsAsync());
        Assert.False(bus.HasUnsentChange);
    }

    [Fact]
    public async Task PublishAsync_CountedInRedis_SendsItsKindAndThisInstance_OnTheChannel()
    {
        await _bus.PublishAsync(ReaderChange.Comments);

        var (keys, values) = Assert.Single(_redis.Scripts);
        Assert.Equal([(RedisKey)ReaderChangeBus.VersionsKey], keys);
        Assert.Equal("comments", values[1]);
        Assert.Equal(ReaderChangeBus.Channel, values[2]);
        Assert.False(string.IsNullOrEmpty(values[3]), "the message names the instance that sent it");
        Assert.Equal(4, _comments);
        Assert.False(_bus.HasUnsentChange);
    }

    [Fact]
    public async Task PublishAsync_RedisConfiguredButDisconnected_MovesTheLocalVersion_AndRemembersTheChange()
    {
        _redis.Connected = false;
        var before = await _cache.VersionsAsync();

        await _bus.PublishAsync(ReaderChange.Comments);

        Assert.Equal(before with { Comments = before.Comments + 1 }, await _cache.VersionsAsync());
        Assert.Empty(_redis.Scripts);
        Assert.True(_bus.HasUnsentChange);
    }

    [Fact]
    public async Task PublishAsync_AfterACountFailed_CountsTheStrongerKindOfBoth()
    {
        _redis.Script = (_, _) => throw new RedisException("connection reset");
        await _bus.PublishAsync(ReaderChange.Articles); // the save does not fail
        Assert.True(_bus.HasUnsentChange);

        _redis.Script = (_, values) => Count(values);
        await _bus.PublishAsync(ReaderChange.Comments);

        Assert.Equal("articles", _redis.Scripts[^1].Values[1]);
        Assert.False(_bus.HasUnsentChange);
    }

    [Fact]
    public async Task PublishAsync_RedisAnswersWithAnotherInstancesChangeToo_MovesTheVersionsForIt()
    {
        await StartAsync();
        var before = await _cache.VersionsAsync();
        _articles++; // another instance published a story, and its message has not arrived

        await _bus.PublishAsync(ReaderChange.Comments);

        Assert.Equal(before.Articles + 1, (await _cache.VersionsAsync()).Articles);
    }

    [Fact]
    public async Task PublishAsync_RedisAnswersWithOnlyThisChange_MovesNothingMore()
    {
        await StartAsync();
        var before = await _cache.VersionsAsync();

        await _bus.PublishAsync(ReaderChange.Comments);

        Assert.Equal(before with { Comments = before.Comments + 1 }, await _cache.VersionsAsync());
    }

    [Theory]
    [InlineData("other|e1|5|4", false, true)] // a comment approved elsewhere
    [InlineData("other|e1|6|3", true, true)] // a story published elsewhere
    [InlineData("other|e2|0|1", true, true)] // Redis lost its data: a new epoch, counted from scratch
    [InlineData("other|e1|5|3", false, false)] // what was already read
    [InlineData("other|e1|4|2", false, false)] // an old message arriving late
    [InlineData("other|2", false, false)] // not this format
    [InlineData("", false, false)]
    public async Task Message_FromAnotherInstance_MovesWhatMovedPastWhatWasSeen(string message, bool articles, bool comments)
    {
        await StartAsync();
        var before = await _cache.VersionsAsync();

        Deliver(message);

        var after = await _cache.VersionsAsync();
        Assert.Equal(articles, after.Articles > before.Articles);
        Assert.Equal(comments, after.Comments > before.Comments);
    }

    [Fact]
    public async Task Message_SentByThisInstance_IsIgnored()
    {
        await StartAsync();
        await _bus.PublishAsync(ReaderChange.Comments);
        string self = _redis.Scripts[^1].Values[3]!;
        var before = await _cache.VersionsAsync();

        Deliver($"{self}|e1|99|99");

        Assert.Equal(before, await _cache.VersionsAsync());
        Deliver($"other|e1|99|99");
        Assert.NotEqual(before, await _cache.VersionsAsync());
    }

    [Fact]
    public async Task SyncLoop_CountsAChangeRedisMissed_AtItsNextRead()
    {
        await StartAsync();
        _redis.Connected = false;
        await _bus.PublishAsync(ReaderChange.Articles);
        Assert.True(_bus.HasUnsentChange);
        var articlesBefore = _articles;

        _redis.Connected = true;
        _time.Advance(_bus.Interval);

        await NextReadAsync();
        Assert.False(_bus.HasUnsentChange);
        Assert.Equal("articles", _redis.Scripts[^1].Values[1]);
        Assert.Equal(articlesBefore + 1, _articles);
        await _bus.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task SyncLoop_ReadsFindAnotherInstancesChange_WithoutItsMessage()
    {
        await StartAsync();
        var before = await _cache.VersionsAsync();
        _comments++;

        _time.Advance(_bus.Interval);

        await NextReadAsync();
        Assert.Equal(before with { Comments = before.Comments + 1 }, await _cache.VersionsAsync());
        await _bus.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task SinceLastRead_NothingReadYet_IsNull_ThenTheTimeSinceTheLastRead()
    {
        Assert.Null(_bus.SinceLastRead);
        await StartAsync();
        Assert.Equal(TimeSpan.Zero, _bus.SinceLastRead);

        _redis.Connected = false; // reads stop
        _time.Advance(_bus.Interval);
        await Eventually.HoldsAsync(() => _bus.SinceLastRead == _bus.Interval, () => $"last read {_bus.SinceLastRead} ago");
        await _bus.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Cache_NoReadConfirmedForLongerThanTheBound_MovesTheVersionsOnce()
    {
        // Redis is configured but the bus never reads: this instance cannot know what the others changed.
        var bound = _bus.Interval + _redis.Connection.CommandTimeout;
        var before = await _cache.VersionsAsync();

        _time.Advance(bound);
        Assert.Equal(before, await _cache.VersionsAsync());

        _time.Advance(TimeSpan.FromTicks(1));
        var moved = await _cache.VersionsAsync();
        Assert.Equal(before.Articles + 1, moved.Articles);
        Assert.Equal(moved, await _cache.VersionsAsync());
    }
}
