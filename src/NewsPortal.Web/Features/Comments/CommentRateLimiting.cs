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
        services.AddPerClientLimit<CommentOptions>(PolicyName, o => o.PostsPerMinutePerIp, TimeSpan.FromMinutes(1));
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
        services.AddPerClientLimit<CommentOptions>(PolicyName, o => o.ReportsPerHourPerIp, TimeSpan.FromHours(1));
}
