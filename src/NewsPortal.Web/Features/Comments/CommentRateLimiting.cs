using Microsoft.Extensions.Options;
using NewsPortal.Web.Infrastructure.RateLimiting;

namespace NewsPortal.Web.Features.Comments;

public static class CommentRateLimiting
{
    public const string PolicyName = "comments";

    /// <summary>
    /// Comment posts per client IP per minute (Comments:PostsPerMinutePerIp), across all instances when Redis is
    /// configured. Over the limit the reader gets a friendly 429 page with Retry-After.
    /// </summary>
    public static IServiceCollection AddCommentRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PolicyName, context => RateLimitingExtensions.PerClient(
                context,
                PolicyName,
                context.RequestServices.GetRequiredService<IOptionsMonitor<CommentOptions>>().CurrentValue.PostsPerMinutePerIp,
                TimeSpan.FromMinutes(1)));
            limiter.WithRetryAfter();
        });
        return services;
    }
}

public static class CommentReportRateLimiting
{
    public const string PolicyName = "comment-reports";

    /// <summary>
    /// Reports per client IP per hour (Comments:ReportsPerHourPerIp), across all instances when Redis is configured;
    /// over the limit the reader gets the friendly 429 page with Retry-After, as for comments.
    /// </summary>
    public static IServiceCollection AddCommentReportRateLimiting(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PolicyName, context => RateLimitingExtensions.PerClient(
                context,
                PolicyName,
                context.RequestServices.GetRequiredService<IOptionsMonitor<CommentOptions>>().CurrentValue.ReportsPerHourPerIp,
                TimeSpan.FromHours(1)));
            limiter.WithRetryAfter();
        });
}
