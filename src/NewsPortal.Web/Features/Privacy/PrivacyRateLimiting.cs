namespace NewsPortal.Web.Features.Privacy;

/// <summary>
/// Privacy form posts per client IP per hour (Privacy:RequestsPerHourPerIp), across all instances when Redis is
/// configured; over the limit the reader gets the friendly 429 page with Retry-After. The per-address mail cool-down
/// (<see cref="PrivacyService.RequestAsync"/>) protects the addressee from many clients at once. Registered in
/// <see cref="PerClientLimits"/>.
/// </summary>
public static class PrivacyRateLimiting
{
    public const string PolicyName = "privacy";
}
