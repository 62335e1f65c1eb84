namespace NewsPortal.Web.Features.AdminArticles;

/// <summary>A publish time typed in the site's time zone: to UTC, and the choice a time repeated when the clocks go back needs.</summary>
public sealed class PublishTimes(SiteClock clock)
{
    /// <summary>
    /// The UTC instant of a wall-clock time of the site, or null with the reason: a time skipped when the clocks go
    /// forward does not exist, and one repeated when they go back needs the editor to say which of the two they mean.
    /// </summary>
    public DateTime? ScheduledUtc(DateTime local, string? chosenOffset, out string? problem)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var when = local.ToString("HH:mm 'on' dddd d MMMM yyyy", culture);
        if (clock.SkippedHour(local) is { } gap)
        {
            problem = $"{when} does not exist in {clock.TimeZone.Id}: the clocks go forward from {gap.Start.ToString("HH:mm", culture)} "
                      + $"to {gap.End.ToString("HH:mm", culture)}. Choose a time before {gap.Start.ToString("HH:mm", culture)} or from {gap.End.ToString("HH:mm", culture)}.";
            return null;
        }

        var offsets = clock.AmbiguousOffsets(local);
        if (offsets.Count == 0)
        {
            problem = null;
            return TimeZoneInfo.ConvertTimeToUtc(local, clock.TimeZone);
        }

        if (offsets.Where(o => FormatOffset(o) == chosenOffset?.Trim()).Cast<TimeSpan?>().FirstOrDefault() is { } chosen)
        {
            problem = null;
            return new DateTimeOffset(local, chosen).UtcDateTime;
        }

        problem = $"{when} happens twice in {clock.TimeZone.Id}, because the clocks go back that night: first at UTC{FormatOffset(offsets[0])}, "
                  + $"then again an hour later at UTC{FormatOffset(offsets[^1])}. Choose which one you mean below.";
        return null;
    }

    public static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The two occurrences of a repeated publish time, for the editor to choose from; empty for any other time.</summary>
    public List<SelectListItem> PublishAtChoices(ArticleForm form)
    {
        if (form.PublishAt is not { } local || clock.AmbiguousOffsets(local) is not { Count: > 0 } offsets)
        {
            return [];
        }

        var time = local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return offsets.Select((offset, i) => new SelectListItem(
            i == 0
                ? $"The first {time}, before the clocks go back (UTC{FormatOffset(offset)})"
                : $"The second {time}, after the clocks go back (UTC{FormatOffset(offset)})",
            FormatOffset(offset),
            FormatOffset(offset) == form.PublishAtOffset?.Trim())).ToList();
    }
}
