namespace NewsPortal.Web.Data.Seed;

public sealed class SeedOptions
{
    public const string SectionName = "Seed";

    /// <summary>Give a database with no articles the sample content.</summary>
    public bool SampleContent { get; set; } = true;

    /// <summary>
    /// With <see cref="ReporterPassword"/> and <see cref="SampleContent"/>: start-up makes sure this sample account
    /// exists in role Reporter, so the review workflow can be tried (Development sets both; Production leaves them unset).
    /// </summary>
    public string? ReporterEmail { get; set; }

    public string? ReporterPassword { get; set; }

    /// <summary>
    /// With the sample content, generate its photographs (3000×2000 JPEGs with camera EXIF and GPS) and put them
    /// through the media pipeline: a few seconds at the first start. Off in tests that do not look at them.
    /// </summary>
    public bool SamplePhotos { get; set; } = true;
}
