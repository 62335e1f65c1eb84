using Microsoft.Extensions.Options;

namespace NewsPortal.Web.Infrastructure.Site;

/// <summary>
/// Turns the UTC times the database holds into the site's local time. Logic asks this (backed by
/// <see cref="TimeProvider"/>) for "now" so tests can move the clock.
/// </summary>
public sealed class SiteClock
{
    private readonly TimeProvider _time;

    public SiteClock(TimeProvider time, IOptions<SiteOptions> options)
    {
        _time = time;
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
    }

    public TimeZoneInfo TimeZone { get; }

    public DateTime UtcNow => _time.GetUtcNow().UtcDateTime;

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(_time.GetUtcNow(), TimeZone);

    /// <summary>A stored UTC time as an offset-aware local time of the site.</summary>
    public DateTimeOffset ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), TimeZone);
}
