namespace NewsPortal.Web.Features.AdminImport;

/// <summary>The /admin/import page's limits (the command line has none: its operator owns the disk).</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>Where uploads wait while their import runs (one folder per run, deleted after); relative paths are under the content root.</summary>
    [Required]
    public string Folder { get; set; } = "App_Data/imports";

    /// <summary>The largest export, and the largest uploads zip, one upload may carry (each).</summary>
    [Range(1, 100_000)]
    public int MaxUploadMegabytes { get; set; } = 2_048;

    /// <summary>The most the uploads zip may unpack to (its pictures together).</summary>
    [Range(1, 1_000_000)]
    public int MaxExtractedMegabytes { get; set; } = 8_192;

    /// <summary>The most entries (files and folders) the uploads zip may hold.</summary>
    [Range(1, 10_000_000)]
    public int MaxZipEntries { get; set; } = 200_000;

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024;

    public long MaxExtractedBytes => MaxExtractedMegabytes * 1024L * 1024;
}
