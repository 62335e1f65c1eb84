namespace NewsPortal.Web.Features.AdminArticles.Revisions;

/// <summary>The newsroom's history and autosave settings (section <c>Newsroom</c>).</summary>
public sealed class RevisionOptions
{
    public const string SectionName = "Newsroom";

    /// <summary>Unpublished revisions kept per story; every published one is kept whatever this says.</summary>
    [Range(1, 10_000, ErrorMessage = "Newsroom:DraftRevisionsKept must be between 1 and 10000.")]
    public int DraftRevisionsKept { get; set; } = 25;

    /// <summary>How often the editor page sends what changed to the person's autosave slot.</summary>
    [Range(5, 3_600, ErrorMessage = "Newsroom:AutosaveSeconds must be between 5 and 3600.")]
    public int AutosaveSeconds { get; set; } = 15;
}
