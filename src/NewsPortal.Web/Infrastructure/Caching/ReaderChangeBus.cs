using System.Globalization;
using NewsPortal.Web.Infrastructure.Redis;
using StackExchange.Redis;

namespace NewsPortal.Web.Infrastructure.Caching;

/// <summary>
/// Carries reader-visible changes between instances. A change committed here moves this instance's version at once
/// and is published on a Redis channel; every other instance moves its own version when the message arrives (on
/// loopback or a LAN, well under a millisecond, before a reader's next request can get there).
/// <para>
/// Redis pub/sub delivers only to connected subscribers, so whatever could have been missed is covered: when the
/// connection comes back every version moves, and while it is down this instance cannot hear other instances at
/// all, so it moves its versions every <see cref="DegradedRefresh"/> and is never staler than that. With no Redis
/// configured the site is one instance and only the local version moves.
/// </para>
/// </summary>
public sealed class ReaderChangeBus : BackgroundService
{
    public const string Channel = "newsportal:reader-changes";

    /// <summary>While Redis is away, how stale another instance's change may be here at most.</summary>
    public static readonly TimeSpan DegradedRefresh = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(500);
    private static readonly RedisChannel RedisChannelName = RedisChannel.Literal(Channel);

    private readonly ReaderCache _cache;
    private readonly RedisConnection _redis;
    private readonly ILogger<ReaderChangeBus> _logger;
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private long _received;

    public ReaderChangeBus(ReaderCache cache, RedisConnection redis, ILogger<ReaderChangeBus> logger)
    {
        _cache = cache;
        _redis = redis;
        _logger = logger;
    }

    /// <summary>Messages heard from other instances, for tests and diagnostics.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>True while changes made elsewhere reach this instance (always true with no Redis configured).</summary>
    public bool IsShared { get; private set; } = true;

    /// <summary>A change committed on this instance. The local version moves before this returns its task.</summary>
    public Task PublishAsync(ReaderChange change)
    {
        _cache.Bump(change);
        return _redis.Multiplexer is { IsConnected: true } multiplexer ? SendAsync(multiplexer, change) : Task.CompletedTask;
    }

    private async Task SendAsync(IConnectionMultiplexer multiplexer, ReaderChange change)
    {
        try
        {
            await multiplexer.GetSubscriber().PublishAsync(RedisChannelName, $"{_instance}|{(int)change}");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The write is committed; other instances catch up when their connection comes back or by DegradedRefresh.
            _logger.LogWarning(ex, "Could not tell other instances about a {Change} change.", change);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_redis.IsConfigured)
        {
            return;
        }

        try
        {
            var multiplexer = (await _redis.ConnectAsync())!;
            var subscribed = false;
            var wasConnected = multiplexer.IsConnected;
            var lastBump = DateTime.UtcNow;
            var bumpAfterResubscribe = false;
            using var timer = new PeriodicTimer(Tick);
            do
            {
                var connected = multiplexer.IsConnected;
                if (connected && !subscribed)
                {
                    subscribed = await TrySubscribeAsync(multiplexer);
                }

                if (connected && !wasConnected)
                {
                    // Messages sent while we were away are lost: start afresh, and once more after the client has
                    // re-established its subscription, for anything sent in between.
                    _cache.Bump(ReaderChange.Articles);
                    bumpAfterResubscribe = true;
                }
                else if (connected && bumpAfterResubscribe)
                {
                    _cache.Bump(ReaderChange.Articles);
                    bumpAfterResubscribe = false;
                }
                else if (!connected && DateTime.UtcNow - lastBump >= DegradedRefresh)
                {
                    _cache.Bump(ReaderChange.Articles);
                    lastBump = DateTime.UtcNow;
                }

                IsShared = connected && subscribed;
                wasConnected = connected;
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // A background service must never take the site down; readers are still served from the database.
            _logger.LogError(ex, "The reader-change bus stopped; this instance will only see its own changes.");
            IsShared = false;
        }
    }

    private async Task<bool> TrySubscribeAsync(IConnectionMultiplexer multiplexer)
    {
        try
        {
            var queue = await multiplexer.GetSubscriber().SubscribeAsync(RedisChannelName);
            queue.OnMessage(message => Receive(message.Message));
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _logger.LogDebug(ex, "Subscribing to {Channel} failed; will retry.", Channel);
            return false;
        }
    }

    private void Receive(RedisValue message)
    {
        var text = (string?)message;
        var separator = text?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        if (text is null || separator < 0 || text.AsSpan(0, separator).SequenceEqual(_instance))
        {
            return;
        }

        if (int.TryParse(text.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && Enum.IsDefined((ReaderChange)value))
        {
            Interlocked.Increment(ref _received);
            _cache.Bump((ReaderChange)value);
        }
    }
}
