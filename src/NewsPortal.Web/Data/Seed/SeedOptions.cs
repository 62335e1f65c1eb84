namespace NewsPortal.Web.Data.Seed;

public sealed class SeedOptions
{
    public const string SectionName = "Seed";

    /// <summary>Give a database with no articles the sample content.</summary>
    public bool SampleContent { get; set; } = true;
}
