namespace NewsPortal.Web.Infrastructure.RateLimiting;

public static class RateLimitingExtensions
{
    public const string RedisKeyPrefix = "newsportal:rate:";

    /// <summary>
    /// A per-client limit of <paramref name="permitLimit"/> requests per <paramref name="window"/>, shared by every
    /// instance through Redis when it is configured. Clients are told apart by <see cref="ClientAddress.PartitionKey(HttpContext)"/>.
    /// </summary>
    public static RateLimitPartition<string> PerClient(HttpContext context, string policy, int permitLimit, TimeSpan window)
    {
        var client = ClientAddress.PartitionKey(context);
        var redis = context.RequestServices.GetRequiredService<RedisConnection>();
        var key = string.Create(CultureInfo.InvariantCulture, $"{policy}:{permitLimit}:{client}");
        return RateLimitPartition.Get(key, k => new SharedFixedWindowLimiter(redis, RedisKeyPrefix + k, permitLimit, window));
    }

    /// <summary>
    /// Registers the per-client policy <paramref name="policy"/>: <paramref name="limit"/> of the current
    /// <typeparamref name="TOptions"/> requests per <paramref name="window"/> (read on each request, so a changed setting
    /// applies at once), shared through Redis, and 429 with Retry-After past it. Every per-client limit of the site is
    /// registered through this one method.
    /// </summary>
    public static IServiceCollection AddPerClientLimit<TOptions>(
        this IServiceCollection services, string policy, Func<TOptions, int> limit, TimeSpan window)
        where TOptions : class =>
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(policy, context => PerClient(
                context, policy, limit(context.RequestServices.GetRequiredService<IOptionsMonitor<TOptions>>().CurrentValue), window));
            limiter.WithRetryAfter();
        });

    /// <summary>Over a limit: 429 with Retry-After; the status-code page then shows the friendly explanation.</summary>
    public static RateLimiterOptions WithRetryAfter(this RateLimiterOptions limiter)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = (context, _) =>
        {
            Telemetry.SiteMetrics.RateLimited(context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName);
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            context.HttpContext.Response.Headers.RetryAfter =
                ((int)Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds))).ToString(CultureInfo.InvariantCulture);
            return ValueTask.CompletedTask;
        };
        return limiter;
    }
}
