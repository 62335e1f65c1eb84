namespace NewsPortal.Web.Features.Shared;

/// <summary>
/// &lt;site-time utc="..." /&gt; renders a &lt;time&gt; whose datetime attribute is the exact instant (with offset)
/// and whose text is in the site's time zone. <c>relative</c> adds "3 hours ago" in front of the exact time.
/// </summary>
[HtmlTargetElement("site-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TimeTagHelper(SiteClock clock) : TagHelper
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A stored UTC time.</summary>
    public DateTime Utc { get; set; }

    /// <summary>"long" (29 November 2026, 14:05), "date" (29 November 2026) or "short" (29 Nov, 14:05).</summary>
    public string Format { get; set; } = "long";

    public bool Relative { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var local = clock.ToLocal(Utc);
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));

        var exact = Format switch
        {
            "date" => local.ToString("d MMMM yyyy", English),
            "short" => local.ToString("d MMM, HH:mm", English),
            _ => local.ToString("d MMMM yyyy, HH:mm", English) + " " + ZoneAbbreviation(local),
        };

        output.Content.SetContent(Relative ? $"{Ago(clock.UtcNow - DateTime.SpecifyKind(Utc, DateTimeKind.Utc))} · {exact}" : exact);
    }

    private string ZoneAbbreviation(DateTimeOffset local)
    {
        if (clock.TimeZone.Id is "Europe/London" or "GMT Standard Time")
        {
            return clock.TimeZone.IsDaylightSavingTime(local) ? "BST" : "GMT";
        }

        var offset = local.Offset;
        return offset == TimeSpan.Zero ? "UTC" : "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
    }

    internal static string Ago(TimeSpan elapsed) => elapsed.TotalSeconds switch
    {
        < 60 => "just now",
        < 3600 => Plural((int)elapsed.TotalMinutes, "minute"),
        < 86400 => Plural((int)elapsed.TotalHours, "hour"),
        < 86400 * 30 => Plural((int)elapsed.TotalDays, "day"),
        < 86400 * 365 => Plural((int)(elapsed.TotalDays / 30), "month"),
        _ => Plural((int)(elapsed.TotalDays / 365), "year"),
    };

    private static string Plural(int n, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {unit}{(n == 1 ? string.Empty : "s")} ago");
}
