namespace NewsPortal.Web.Features.Comments;

/// <summary>
/// Comment posts per client IP per minute (Comments:PostsPerMinutePerIp), across all instances when Redis is
/// configured. Over the limit the reader gets a friendly 429 page with Retry-After. Registered with the site's other
/// per-client limits in <see cref="PerClientLimits"/>.
/// </summary>
public static class CommentRateLimiting
{
    public const string PolicyName = "comments";
}

/// <summary>
/// Reports per client IP per hour (Comments:ReportsPerHourPerIp), across all instances when Redis is configured; over
/// the limit the reader gets the friendly 429 page with Retry-After, as for comments.
/// </summary>
public static class CommentReportRateLimiting
{
    public const string PolicyName = "comment-reports";
}
