using System.ComponentModel.DataAnnotations;

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
}
