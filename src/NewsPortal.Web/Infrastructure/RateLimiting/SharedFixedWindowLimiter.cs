using StackExchange.Redis;

namespace NewsPortal.Web.Infrastructure.RateLimiting;

/// <summary>
/// A fixed window counted in Redis, so one client's limit holds across every instance: the first request of a
/// window creates a counter that expires with the window; each request adds one. When Redis is not configured or
/// cannot be reached, the same window is counted in this process instead, so posting keeps working with a local
/// limit (at most that limit per instance while Redis is away).
/// </summary>
public sealed class SharedFixedWindowLimiter : RateLimiter
{
    // INCR and PEXPIRE in one atomic step; returns the count and the milliseconds left in the window.
    private const string Script = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
        return { count, ttl }
        """;

    private static readonly RateLimitLease NotImmediately = new Lease(false, null);

    private readonly RedisConnection _redis;
    private readonly RedisKey _key;
    private readonly int _permitLimit;
    private readonly TimeSpan _window;
    private readonly FixedWindowRateLimiter _local;

    public SharedFixedWindowLimiter(RedisConnection redis, string key, int permitLimit, TimeSpan window)
    {
        _redis = redis;
        _key = key;
        _permitLimit = permitLimit;
        _window = window;
        _local = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitLimit,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    public override TimeSpan? IdleDuration => _local.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => _local.GetStatistics();

    /// <summary>
    /// The synchronous path cannot ask Redis; "not now" makes the rate-limiting middleware call
    /// <see cref="AcquireAsyncCore"/>, which does. Without Redis the local window answers at once.
    /// </summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        _redis.IsConfigured ? NotImmediately : _local.AttemptAcquire(permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (_redis.Multiplexer is { IsConnected: true } multiplexer)
        {
            try
            {
                var result = (RedisResult[])(await multiplexer.GetDatabase().ScriptEvaluateAsync(
                    Script, [_key], [(long)_window.TotalMilliseconds]))!;
                var count = (long)result[0];
                var retryAfter = TimeSpan.FromMilliseconds(Math.Max(0, (long)result[1]));
                return count + permitCount - 1 <= _permitLimit ? new Lease(true, null) : new Lease(false, retryAfter);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // Counted locally below.
            }
        }

        return _local.AttemptAcquire(permitCount);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _local.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await _local.DisposeAsync();
        await base.DisposeAsyncCore();
    }

    private sealed class Lease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        private readonly TimeSpan? _retryAfter = retryAfter;

        public override bool IsAcquired { get; } = isAcquired;

        public override IEnumerable<string> MetadataNames => _retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? _retryAfter : null;
            return metadata is not null;
        }
    }
}
