namespace NewsPortal.Web.Infrastructure.Media;

public sealed class MediaOptions
{
    public const string SectionName = "Media";

    /// <summary>The folder holding originals and variants; relative paths are under the content root. Several instances share one.</summary>
    [Required]
    public string Root { get; set; } = "App_Data/media";

    /// <summary>The most one upload post may carry (all its files together); a larger announced body is answered 413 unread.</summary>
    [Range(1024, 100L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Width × height an image may declare; checked on the header, before any pixel is decoded.</summary>
    [Range(1, 200_000_000)]
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>How often an instance looks for unfinished images besides being woken by an upload.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ProcessingPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Off only in tests that must see a row stay unprocessed.</summary>
    public bool ProcessingEnabled { get; set; } = true;
}
