namespace NewsPortal.Web.Infrastructure.Site;

public sealed class SiteOptions
{
    public const string SectionName = "Site";

    [Required]
    [StringLength(80, MinimumLength = 1)]
    public string Name { get; set; } = "NewsPortal";

    /// <summary>IANA time zone id; every date readers see is shown in it.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>One-line description used in the meta description of pages that have none of their own.</summary>
    [StringLength(300)]
    public string Tagline { get; set; } = "Independent news, analysis and comment.";

    /// <summary>
    /// The address readers use, e.g. <c>https://news.example.com</c> (scheme, host, optional path). Every absolute
    /// URL is built from it; unset, from the request.
    /// </summary>
    [StringLength(200)]
    public string? PublicUrl { get; set; }

    /// <summary>True when <see cref="PublicUrl"/> is unset or an absolute http(s) URL with no query or fragment.</summary>
    public static bool IsValidPublicUrl(string? value) =>
        string.IsNullOrWhiteSpace(value)
        || (Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo));
}
