using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace NewsPortal.Web.Features.Comments;

public static class CommentRateLimiting
{
    public const string PolicyName = "comments";

    /// <summary>
    /// Comment posts per client IP per minute (Comments:PostsPerMinutePerIp). Over the limit the reader gets a
    /// friendly 429 page with Retry-After.
    /// </summary>
    public static IServiceCollection AddCommentRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PolicyName, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptionsMonitor<CommentOptions>>().CurrentValue;
                var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PostsPerMinutePerIp,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });

            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter =
                    ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }
}
