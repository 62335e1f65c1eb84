using System.Globalization;
using NewsPortal.Web.Infrastructure.Redis;
using StackExchange.Redis;

namespace NewsPortal.Web.Infrastructure.Caching;

/// <summary>
/// Carries reader-visible changes between instances. A change committed here moves this instance's version at once
/// and is published on a Redis channel; every other instance moves its own version when the message arrives.
/// <para>
/// Redis pub/sub delivers only to connected subscribers, so whatever could have been missed is covered: once the
/// connection is back and a probe this instance publishes has come back through its own subscription, every version
/// moves; while it is down this instance cannot hear the others at all, so it moves its versions every
/// <see cref="DegradedRefresh"/> and is never staler than that. With no Redis configured the site is one instance
/// and only the local version moves.
/// </para>
/// </summary>
public sealed class ReaderChangeBus : BackgroundService
{
    public const string Channel = "newsportal:reader-changes";

    /// <summary>While Redis is away, how stale another instance's change may be here at most.</summary>
    public static readonly TimeSpan DegradedRefresh = TimeSpan.FromSeconds(10);

    private const int Probe = 0;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(500);
    private static readonly RedisChannel RedisChannelName = RedisChannel.Literal(Channel);

    private readonly ReaderCache _cache;
    private readonly RedisConnection _redis;
    private readonly ILogger<ReaderChangeBus> _logger;
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private bool _probeAnswered;

    public ReaderChangeBus(ReaderCache cache, RedisConnection redis, ILogger<ReaderChangeBus> logger)
    {
        _cache = cache;
        _redis = redis;
        _logger = logger;
    }

    /// <summary>
    /// True while changes made elsewhere reach this instance: with Redis, once a probe it published has come back
    /// through its subscription; always true with no Redis configured.
    /// </summary>
    public bool IsShared { get; private set; }

    /// <summary>A change committed on this instance. The local version moves before this returns its task.</summary>
    public Task PublishAsync(ReaderChange change)
    {
        _cache.Bump(change);
        return _redis.Multiplexer is { IsConnected: true } multiplexer
            ? SendAsync(multiplexer, string.Create(CultureInfo.InvariantCulture, $"{_instance}|{(int)change}"))
            : Task.CompletedTask;
    }

    private async Task SendAsync(IConnectionMultiplexer multiplexer, string message)
    {
        try
        {
            await multiplexer.GetSubscriber().PublishAsync(RedisChannelName, message);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // A committed write stays committed; other instances catch up when their connection comes back, or by
            // DegradedRefresh while it does not.
            _logger.LogWarning(ex, "Could not publish {Message} to the other instances.", message);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_redis.IsConfigured)
        {
            IsShared = true;
            return;
        }

        try
        {
            var multiplexer = (await _redis.ConnectAsync())!;

            // A drop and reconnect between two ticks must not go unnoticed: messages sent meanwhile are lost.
            multiplexer.ConnectionFailed += (_, _) =>
            {
                IsShared = false;
                Volatile.Write(ref _probeAnswered, false);
            };
            var subscribed = false;
            var lastBump = DateTime.UtcNow;
            using var timer = new PeriodicTimer(Tick);
            do
            {
                if (!multiplexer.IsConnected)
                {
                    // Cut off from the others: nothing they change reaches us, so never be staler than DegradedRefresh.
                    IsShared = false;
                    Volatile.Write(ref _probeAnswered, false);
                    if (DateTime.UtcNow - lastBump >= DegradedRefresh)
                    {
                        _cache.Bump(ReaderChange.Articles);
                        lastBump = DateTime.UtcNow;
                    }

                    continue;
                }

                subscribed = subscribed || await TrySubscribeAsync(multiplexer);
                if (IsShared || !subscribed)
                {
                    continue;
                }

                if (Volatile.Read(ref _probeAnswered))
                {
                    // Our own probe came back through Redis, so the subscription is live again. Whatever was sent
                    // while it was not is lost: start afresh.
                    _cache.Bump(ReaderChange.Articles);
                    lastBump = DateTime.UtcNow;
                    IsShared = true;
                }
                else
                {
                    await SendAsync(multiplexer, $"{_instance}|{Probe}");
                }
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
        if (text is null || separator < 0
            || !int.TryParse(text.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return;
        }

        if (text.AsSpan(0, separator).SequenceEqual(_instance))
        {
            if (value == Probe)
            {
                Volatile.Write(ref _probeAnswered, true);
            }

            return;
        }

        if (Enum.IsDefined((ReaderChange)value))
        {
            _cache.Bump((ReaderChange)value);
        }
    }
}
