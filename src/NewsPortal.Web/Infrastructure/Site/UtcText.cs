namespace NewsPortal.Web.Infrastructure.Site;

/// <summary>Stored UTC times written for machines: feeds, sitemaps, JSON-LD and meta tags.</summary>
public static class UtcText
{
    /// <summary>ISO 8601 / W3C date-time in UTC, e.g. 2026-11-29T14:05:00Z.</summary>
    public static string Iso(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
