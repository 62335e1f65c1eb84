using StackExchange.Redis;

namespace NewsPortal.Web.Infrastructure.Caching;

/// <summary>
/// Keeps the reader caches of all instances in step. The versions of what readers see are kept in Redis too, one
/// counter per <see cref="ReaderChange"/> kind (<see cref="SharedVersions"/>): a change committed here moves this
/// instance's versions at once, then is counted there and announced on a channel. Every instance re-reads the
/// counters every <see cref="CacheOptions.SyncMilliseconds"/> and moves its own versions when they have moved, so
/// another instance's change reaches it within that interval (plus one read) whether or not the message arrived; the
/// message only makes it sooner. Freshness is bounded by this read, not by message delivery.
/// <para>
/// What cannot be confirmed is treated as changed: when the last good read is older than the interval (plus a
/// command's timeout) <see cref="ReaderCache"/> moves this instance's versions itself on the next request, so Redis
/// away, a failing read or this loop stuck or restarting leave it no staler than that. A change that could not be
/// counted in Redis is remembered and counted as soon as Redis answers; until then the other instances cannot know
/// of it and this one reports Degraded. With no Redis configured the site is one instance and nothing here runs.
/// </para>
/// </summary>
public sealed class ReaderChangeBus(
    ReaderCache cache, RedisConnection redis, TimeProvider time, IOptions<CacheOptions> options, ILogger<ReaderChangeBus> logger) : BackgroundService
{
    public const string Channel = "newsportal:reader-changes";

    public const string VersionsKey = "newsportal:reader-versions";

    // Counts one change and announces the counters in one round trip, in that order, so an instance that hears the
    // message and reads the counters finds them moved. An epoch is set only where there is none (a new or emptied Redis).
    private const string CountScript = """
        redis.call('HSETNX', KEYS[1], 'epoch', ARGV[1])
        redis.call('HINCRBY', KEYS[1], ARGV[2], 1)
        local v = redis.call('HMGET', KEYS[1], 'epoch', 'articles', 'comments')
        redis.call('PUBLISH', ARGV[3], ARGV[4] .. '|' .. v[1] .. '|' .. (v[2] or '0') .. '|' .. (v[3] or '0'))
        return v
        """;

    private static readonly RedisValue[] Fields = ["epoch", "articles", "comments"];
    private static readonly RedisChannel RedisChannelName = RedisChannel.Literal(Channel);

    private readonly string _instance = Guid.NewGuid().ToString("N");
    private bool _subscribed;
    private readonly Lock _seenLock = new();
    private SharedVersions? _seen;
    private int _unsent;
    private long _lastReadStarted;

    /// <summary>How often the shared versions are read (<see cref="CacheOptions.SyncMilliseconds"/>).</summary>
    public TimeSpan Interval { get; } = options.Value.SyncInterval;

    /// <summary>A change committed here is not yet counted in Redis, so the other instances do not know of it.</summary>
    public bool HasUnsentChange => Volatile.Read(ref _unsent) != 0;

    /// <summary>Time since the last successful read of the shared versions began; null when none has succeeded.</summary>
    public TimeSpan? SinceLastRead => Interlocked.Read(ref _lastReadStarted) is var started and not 0 ? time.GetElapsedTime(started) : null;

    /// <summary>A change committed on this instance. The local version moves before this returns its task.</summary>
    public Task PublishAsync(ReaderChange change)
    {
        cache.Bump(change);
        return redis.IsConfigured ? CountAsync(change) : Task.CompletedTask;
    }

    private async Task CountAsync(ReaderChange change)
    {
        // Whatever could not be counted before goes with this one.
        var kind = TakeUnsent() is { } unsent && unsent > change ? unsent : change;
        if (redis.Multiplexer is not { IsConnected: true } multiplexer)
        {
            Remember(kind);
            return;
        }

        try
        {
            await CountInRedisAsync(multiplexer, kind);
        }
        catch (Exception ex)
        {
            // The write is committed, so its save must not fail now; it must still reach the others, so it is counted
            // once Redis answers again.
            Remember(kind);
            logger.LogWarning(ex, "Could not count a {Change} change in Redis; the other instances get it once Redis answers.", kind);
        }
    }

    private async Task CountInRedisAsync(IConnectionMultiplexer multiplexer, ReaderChange kind)
    {
        var result = await multiplexer.GetDatabase().ScriptEvaluateAsync(
            CountScript,
            [VersionsKey],
            [Guid.NewGuid().ToString("N"), kind == ReaderChange.Articles ? "articles" : "comments", Channel, _instance]);
        var after = Parse((RedisValue[]?)result ?? []);
        lock (_seenLock)
        {
            // Only this change was expected; anything more is another instance's that this one has not seen yet.
            if (SharedVersions.Changed(_seen?.After(kind), after) is { } missed)
            {
                cache.Bump(missed);
            }

            _seen = SharedVersions.Merge(_seen, after);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!redis.IsConfigured)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SyncAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A background service must never take the site down, nor stop for good: until this runs again,
                // ReaderCache moves this instance's versions by itself.
                logger.LogError(ex, "The reader-cache sync loop failed; it starts again in {Interval}.", Interval);
                try
                {
                    await Task.Delay(Interval, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task SyncAsync(CancellationToken stoppingToken)
    {
        var multiplexer = await redis.ConnectAsync()
            ?? throw new InvalidOperationException("Redis is configured but its client was not created.");
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            // Once per process: the client keeps the subscription across reconnects, and a handler added on every
            // restart of this loop would handle each message once more.
            _subscribed = _subscribed || await TrySubscribeAsync(multiplexer);
            await SyncOnceAsync(multiplexer);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Counts what could not be counted before, then reads the shared versions and catches up with them.</summary>
    private async Task SyncOnceAsync(IConnectionMultiplexer multiplexer)
    {
        if (!multiplexer.IsConnected)
        {
            return;
        }

        try
        {
            if (TakeUnsent() is { } unsent)
            {
                try
                {
                    await CountInRedisAsync(multiplexer, unsent);
                }
                catch
                {
                    Remember(unsent);
                    throw;
                }

                logger.LogInformation("Counted a {Change} change committed while Redis could not be reached.", unsent);
            }

            var started = time.GetTimestamp();
            Apply(Parse(await multiplexer.GetDatabase().HashGetAsync(VersionsKey, Fields)));
            Interlocked.Exchange(ref _lastReadStarted, started);
            cache.Confirm(started);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogDebug(ex, "Reading the shared reader-cache versions failed; trying again in {Interval}.", Interval);
        }
    }

    private async Task<bool> TrySubscribeAsync(IConnectionMultiplexer multiplexer)
    {
        try
        {
            // The client subscribes again by itself after a reconnect; what it misses meanwhile the next read finds.
            await multiplexer.GetSubscriber().SubscribeAsync(RedisChannelName, (_, message) => Receive(message));
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogDebug(ex, "Subscribing to {Channel} failed; will retry.", Channel);
            return false;
        }
    }

    private void Receive(RedisValue message)
    {
        if (SharedVersions.TryParseMessage(message, out var instance, out var versions) && instance != _instance)
        {
            Apply(versions);
        }
    }

    private void Apply(SharedVersions now)
    {
        lock (_seenLock)
        {
            if (SharedVersions.Changed(_seen, now) is { } change)
            {
                cache.Bump(change);
            }

            _seen = SharedVersions.Merge(_seen, now);
        }
    }

    private static SharedVersions Parse(RedisValue[] values) =>
        values.Length == 3
            ? new(values[0].IsNullOrEmpty ? null : (string?)values[0], values[1].IsNull ? 0 : (long)values[1], values[2].IsNull ? 0 : (long)values[2])
            : throw new RedisException($"Expected the three fields of {VersionsKey}, got {values.Length} values.");

    private ReaderChange? TakeUnsent() => Interlocked.Exchange(ref _unsent, 0) is var unsent and not 0 ? (ReaderChange)unsent : null;

    private void Remember(ReaderChange change)
    {
        int current;
        do
        {
            current = Volatile.Read(ref _unsent);
            if (current >= (int)change)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _unsent, (int)change, current) != current);
    }
}
