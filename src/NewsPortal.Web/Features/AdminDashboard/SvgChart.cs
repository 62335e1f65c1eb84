namespace NewsPortal.Web.Features.AdminDashboard;

/// <summary>
/// Draws a <see cref="Chart"/> as inline SVG: no script, no style attribute (the CSP allows neither), colours from the
/// stylesheet through classes. The drawing is for the eye; <c>role="img"</c> and its label carry the summary, and the
/// table beside it every number, for a screen reader. A fixed view box scaled to the width keeps it legible at 375 px.
/// </summary>
public static class SvgChart
{
    private const double Width = 420;
    private const double Height = 220;
    private const double Left = 44;
    private const double Right = 8;
    private const double Top = 10;
    private const double Bottom = 28;
    private const double RowHeight = 34;

    public static IHtmlContent Render(Chart chart) => new HtmlString(chart.Kind switch
    {
        ChartKind.StackedRows => Rows(chart),
        ChartKind.Lines => Columns(chart, lines: true),
        _ => Columns(chart, lines: false),
    });

    private static string Columns(Chart chart, bool lines)
    {
        var n = chart.Categories.Count;
        var totals = Enumerable.Range(0, n)
            .Select(i => lines
                ? chart.Series.Max(s => s.Values[i] ?? 0)
                : chart.Series.Sum(s => s.Values[i] ?? 0))
            .ToList();
        var max = NiceMax(totals.DefaultIfEmpty(0).Max());
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var step = n == 0 ? plotWidth : plotWidth / n;
        double Y(double value) => Top + plotHeight - (value / max * plotHeight);

        var svg = Open(chart, Width, Height);
        // Three gridlines with their values, then the bars or lines, then a label under every seventh day.
        for (var g = 0; g <= 2; g++)
        {
            var value = max * g / 2;
            var y = Y(value);
            svg.Append(Invariant($"<line class=\"chart-rule\" x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\"/>"));
            svg.Append(Invariant($"<text class=\"chart-axis\" x=\"{Left - 4}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{Encode(chart.Format(value))}</text>"));
        }

        if (lines)
        {
            foreach (var series in chart.Series)
            {
                var points = Enumerable.Range(0, n)
                    .Where(i => series.Values[i] is not null)
                    .Select(i => Invariant($"{Left + (step * i) + (step / 2):0.#},{Y(series.Values[i]!.Value):0.#}"))
                    .ToList();
                if (points.Count > 0)
                {
                    svg.Append(Invariant($"<polyline class=\"chart-line series-{series.Style}\" points=\"{string.Join(' ', points)}\"/>"));
                }
            }
        }
        else
        {
            for (var i = 0; i < n; i++)
            {
                var bottom = Top + plotHeight;
                foreach (var series in chart.Series)
                {
                    var value = series.Values[i] ?? 0;
                    if (value <= 0)
                    {
                        continue;
                    }

                    var height = value / max * plotHeight;
                    bottom -= height;
                    svg.Append(Invariant($"<rect class=\"chart-bar series-{series.Style}\" x=\"{Left + (step * i) + (step * 0.15):0.##}\" y=\"{bottom:0.##}\" width=\"{step * 0.7:0.##}\" height=\"{height:0.##}\"/>"));
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            if ((n - 1 - i) % 7 == 0)
            {
                svg.Append(Invariant($"<text class=\"chart-axis\" x=\"{Left + (step * i) + (step / 2):0.#}\" y=\"{Height - 8}\" text-anchor=\"middle\">{Encode(chart.Categories[i])}</text>"));
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Rows(Chart chart)
    {
        var n = chart.Categories.Count;
        var height = Math.Max(RowHeight, (RowHeight * n) + 4);
        var totals = Enumerable.Range(0, n).Select(i => chart.Series.Sum(s => s.Values[i] ?? 0)).ToList();
        var max = Math.Max(1, totals.DefaultIfEmpty(0).Max());
        var svg = Open(chart, Width, height);
        for (var i = 0; i < n; i++)
        {
            var top = RowHeight * i;
            var name = chart.Categories[i];
            var shown = name.Length > 48 ? name[..47] + "…" : name;
            svg.Append(Invariant($"<text class=\"chart-label\" x=\"0\" y=\"{top + 13}\">{Encode(shown)}</text>"));
            var x = 0.0;
            var barWidth = Width - 60;
            foreach (var series in chart.Series)
            {
                var value = series.Values[i] ?? 0;
                if (value <= 0)
                {
                    continue;
                }

                var w = value / max * barWidth;
                svg.Append(Invariant($"<rect class=\"chart-bar series-{series.Style}\" x=\"{x:0.##}\" y=\"{top + 17}\" width=\"{w:0.##}\" height=\"12\"/>"));
                x += w;
            }

            svg.Append(Invariant($"<text class=\"chart-axis\" x=\"{x + 4:0.##}\" y=\"{top + 28}\">{Encode(chart.Format(totals[i]))}</text>"));
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(Chart chart, double width, double height) =>
        new StringBuilder()
            .Append(Invariant($"<svg class=\"chart-svg chart-{chart.Kind.ToString().ToLowerInvariant()}\" viewBox=\"0 0 {width} {height:0}\" role=\"img\" aria-labelledby=\"{chart.Id}-title {chart.Id}-summary\" focusable=\"false\">"));

    /// <summary>
    /// A round upper bound for the axis (1, 2 or 5 times a power of ten), never below 2, so the three gridlines
    /// (0, half, all) never read "0, 1, 1".
    /// </summary>
    internal static double NiceMax(double value)
    {
        if (value <= 2)
        {
            return 2;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var factor in new[] { 1, 2, 5, 10 })
        {
            if (factor * magnitude >= value)
            {
                return factor * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
