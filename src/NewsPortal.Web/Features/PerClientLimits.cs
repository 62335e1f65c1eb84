using NewsPortal.Web.Features.Account;
using NewsPortal.Web.Features.Comments;
using NewsPortal.Web.Features.Privacy;
using NewsPortal.Web.Features.Search;

namespace NewsPortal.Web.Features;

/// <summary>
/// Every per-client limit of the site, in one table: the policy a controller names, the setting that holds the
/// number (read on each request, so a changed setting applies at once), and the window. Each is shared by every
/// instance through Redis when it is configured, and answers 429 with Retry-After past it
/// (<see cref="RateLimitingExtensions.AddPerClientLimit"/>).
/// </summary>
public static class PerClientLimits
{
    public static IServiceCollection AddPerClientLimits(this IServiceCollection services) => services
        .AddPerClientLimit<CommentOptions>(CommentRateLimiting.PolicyName, o => o.PostsPerMinutePerIp, TimeSpan.FromMinutes(1))
        .AddPerClientLimit<CommentOptions>(CommentReportRateLimiting.PolicyName, o => o.ReportsPerHourPerIp, TimeSpan.FromHours(1))
        .AddPerClientLimit<SearchOptions>(SearchRateLimiting.PolicyName, o => o.RequestsPerMinutePerIp, TimeSpan.FromMinutes(1))
        .AddPerClientLimit<PrivacyOptions>(PrivacyRateLimiting.PolicyName, o => o.RequestsPerHourPerIp, TimeSpan.FromHours(1))
        .AddPerClientLimit<Account.SignInOptions>(SignInRateLimiting.PolicyName, o => o.AttemptsPerMinutePerIp, TimeSpan.FromMinutes(1));
}
