namespace NewsPortal.Web.Infrastructure.Site;

/// <summary>
/// Turns the UTC times the database holds into the site's local time. Logic asks this (backed by
/// <see cref="TimeProvider"/>) for "now" so tests can move the clock.
/// </summary>
public sealed class SiteClock(TimeProvider time, IOptions<SiteOptions> options)
{
    public TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZone);

    /// <summary>
    /// When <paramref name="local"/> (a wall-clock time of the site) falls in the hour skipped when the clocks go
    /// forward, the local times the gap starts and ends at (01:00 and 02:00 in London); otherwise null.
    /// </summary>
    public (DateTime Start, DateTime End)? SkippedHour(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (!TimeZone.IsInvalidTime(local))
        {
            return null;
        }

        var start = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
        while (TimeZone.IsInvalidTime(start.AddMinutes(-1)))
        {
            start = start.AddMinutes(-1);
        }

        var end = start;
        while (TimeZone.IsInvalidTime(end))
        {
            end = end.AddMinutes(1);
        }

        return (start, end);
    }

    /// <summary>
    /// The two UTC offsets of a wall-clock time that happens twice when the clocks go back, the first occurrence's
    /// first (+01:00 then +00:00 in London); empty when it happens once.
    /// </summary>
    public IReadOnlyList<TimeSpan> AmbiguousOffsets(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return TimeZone.IsAmbiguousTime(local)
            ? TimeZone.GetAmbiguousTimeOffsets(local).OrderDescending().ToList()
            : [];
    }

    /// <summary>A stored UTC time as an offset-aware local time of the site.</summary>
    public DateTimeOffset ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), TimeZone);
}
