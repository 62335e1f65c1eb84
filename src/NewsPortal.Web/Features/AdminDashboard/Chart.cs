namespace NewsPortal.Web.Features.AdminDashboard;

public enum ChartKind
{
    /// <summary>One bar per category, its series stacked (counts per day).</summary>
    StackedColumns,

    /// <summary>One line per series over the categories (a level or a duration per day).</summary>
    Lines,

    /// <summary>One bar per category, across, its series stacked; for ranked lists with long names.</summary>
    StackedRows,
}

/// <summary>One series of a chart; <see cref="Style"/> is its CSS class suffix (colours live in the stylesheet).</summary>
public sealed record ChartSeries(string Name, string Style, IReadOnlyList<double?> Values);

/// <summary>
/// What one chart shows, drawn as inline SVG and given again as a table: <see cref="Categories"/> are the rows
/// (days, stories, moderators), <see cref="Series"/> the columns.
/// </summary>
public sealed record Chart(
    string Id,
    string Title,
    string Summary,
    ChartKind Kind,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series,
    string CategoryHeading,
    ChartUnit Unit = ChartUnit.Count,
    IReadOnlyList<string>? CategoryLinks = null)
{
    public bool IsEmpty => Series.All(s => s.Values.All(v => v is null or 0));

    public string Format(double? value) => value is not { } v ? "–" : Unit switch
    {
        ChartUnit.Duration => Duration(v),
        _ => v.ToString("#,0", CultureInfo.InvariantCulture),
    };

    /// <summary>A duration as a person reads it: seconds under a minute, minutes under two hours, then hours, then days.</summary>
    public static string Duration(double seconds) => seconds switch
    {
        < 60 => $"{seconds:0} s",
        < 7200 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0} min"),
        < 172800 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.#} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 86400:0.#} days"),
    };
}

public enum ChartUnit
{
    Count,

    /// <summary>Seconds, shown as minutes, hours or days.</summary>
    Duration,
}
