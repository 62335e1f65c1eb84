namespace NewsPortal.Web.Infrastructure.Site;

/// <summary>Days as the newsroom counts them: calendar days in <c>Site:TimeZone</c>, each a UTC range.</summary>
public sealed class SiteDays(SiteClock clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.Now.DateTime);

    public DateTime UtcNow => clock.UtcNow;

    public DateOnly DayOf(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), clock.TimeZone));

    /// <summary>The UTC moment the day starts; where a clock change skips local midnight, the first local time after it.</summary>
    public DateTime StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (clock.TimeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, clock.TimeZone);
    }
}
