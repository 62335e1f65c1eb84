using StackExchange.Redis;

namespace NewsPortal.UnitTests.Infrastructure.RateLimiting;

/// <summary>
/// The shared limiter's decisions: the limit's edge as Redis counts it, the wait it reports, and the local window
/// it falls back to. The script itself (INCR and PEXPIRE in Redis) needs a real redis-server:
/// SeveralInstancesTests (comment and sign-in limits) and the topology CommentRateLimitAcrossInstancesTests show one
/// client's limit holding across two instances, with a Retry-After inside the window. No test waits for a window to end.
/// </summary>
public sealed class SharedFixedWindowLimiterTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly RedisFake _redis = new();
    private long _count;
    private long _millisecondsLeft = 42_000;

    public SharedFixedWindowLimiterTests() => _redis.Script = (_, _) => RedisResult.Create([RedisResult.Create(++_count), RedisResult.Create(_millisecondsLeft)]);

    private static ValueTask<RateLimitLease> AcquireAsync(RateLimiter limiter, int permits = 1) =>
        limiter.AcquireAsync(permits, TestContext.Current.CancellationToken);

    private static TimeSpan? RetryAfter(RateLimitLease lease) => lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;

    [Fact]
    public async Task AcquireAsync_UpToTheLimitInRedis_IsAcquired_ThenRefusedWithTheWindowsRemainingTime()
    {
        using var limiter = new SharedFixedWindowLimiter(_redis.Connection, "rl:comments:192.0.2.1", 3, Window);

        for (var i = 1; i <= 3; i++)
        {
            using var lease = await AcquireAsync(limiter);
            Assert.True(lease.IsAcquired, $"request {i} of 3 was refused");
            Assert.Null(RetryAfter(lease));
        }

        using var refused = await AcquireAsync(limiter);
        Assert.False(refused.IsAcquired);
        Assert.Equal(TimeSpan.FromSeconds(42), RetryAfter(refused));
    }

    [Fact]
    public async Task AcquireAsync_CountsUnderItsKey_ForTheWholeWindow()
    {
        using var limiter = new SharedFixedWindowLimiter(_redis.Connection, "rl:comments:192.0.2.1", 3, Window);

        using var lease = await AcquireAsync(limiter);

        var (keys, values) = Assert.Single(_redis.Scripts);
        Assert.Equal([(RedisKey)"rl:comments:192.0.2.1"], keys);
        Assert.Equal([(RedisValue)60_000L], values);
    }

    [Theory]
    [InlineData(1, 2, true)] // the second of three, asking for two: reaches the limit exactly
    [InlineData(2, 2, false)] // the third, asking for two: one too many
    public async Task AcquireAsync_SeveralPermits_CountTowardsTheLimit(long countedBefore, int permits, bool acquired)
    {
        _count = countedBefore;
        using var limiter = new SharedFixedWindowLimiter(_redis.Connection, "rl:x", 3, Window);

        using var lease = await AcquireAsync(limiter, permits);

        Assert.Equal(acquired, lease.IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_RedisReportsNoTimeLeft_WaitIsNeverNegative()
    {
        _count = 3;
        _millisecondsLeft = -2;
        using var limiter = new SharedFixedWindowLimiter(_redis.Connection, "rl:x", 3, Window);

        using var refused = await AcquireAsync(limiter);

        Assert.Equal(TimeSpan.Zero, RetryAfter(refused));
    }

    [Fact]
    public void AttemptAcquire_WithRedis_IsNotImmediate_SoTheAsyncPathAsksRedis()
    {
        using var limiter = new SharedFixedWindowLimiter(_redis.Connection, "rl:x", 3, Window);

        using var lease = limiter.AttemptAcquire();

        Assert.False(lease.IsAcquired);
        Assert.Null(RetryAfter(lease));
        Assert.Empty(_redis.Scripts);
    }

    [Fact]
    public async Task AcquireAsync_RedisFails_CountsTheSameLimitInThisProcess()
    {
        _redis.Script = (_, _) => throw new RedisTimeoutException(CommandFlags.None, "Timeout awaiting response", CommandStatus.Sent);
        using var limiter = new SharedFixedWindowLimiter(_redis.Connection, "rl:x", 2, Window);

        await AssertLocalWindowAsync(limiter, 2);
    }

    [Fact]
    public async Task AcquireAsync_RedisDisconnected_CountsTheSameLimitInThisProcess_WithoutAskingIt()
    {
        _redis.Connected = false;
        using var limiter = new SharedFixedWindowLimiter(_redis.Connection, "rl:x", 2, Window);

        await AssertLocalWindowAsync(limiter, 2);
        Assert.Empty(_redis.Scripts);
    }

    [Fact]
    public async Task WithoutRedis_TheLimitIsCountedInThisProcess_OnBothPaths()
    {
        using var limiter = new SharedFixedWindowLimiter(ReaderCaches.NoRedis(), "rl:x", 2, Window);

        using (var first = limiter.AttemptAcquire())
        {
            Assert.True(first.IsAcquired);
        }

        using (var second = await AcquireAsync(limiter))
        {
            Assert.True(second.IsAcquired);
        }

        using var refused = limiter.AttemptAcquire();
        Assert.False(refused.IsAcquired);
        Assert.InRange(RetryAfter(refused) ?? TimeSpan.MaxValue, TimeSpan.Zero, Window);
    }

    private static async Task AssertLocalWindowAsync(SharedFixedWindowLimiter limiter, int limit)
    {
        for (var i = 1; i <= limit; i++)
        {
            using var lease = await AcquireAsync(limiter);
            Assert.True(lease.IsAcquired, $"request {i} of {limit} was refused");
        }

        using var refused = await AcquireAsync(limiter);
        Assert.False(refused.IsAcquired);
        Assert.InRange(RetryAfter(refused) ?? TimeSpan.MaxValue, TimeSpan.Zero, Window);
    }
}
