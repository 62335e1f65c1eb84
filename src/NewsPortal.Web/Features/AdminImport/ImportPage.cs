namespace NewsPortal.Web.Features.AdminImport;

/// <summary>What /admin/import shows: the current run (or the latest), the earlier ones with their summaries, the limits.</summary>
public sealed class ImportPage(ImportRuns runs, IOptions<ImportOptions> options)
{
    /// <summary>How many earlier runs the page lists.</summary>
    public const int PastShown = 20;

    private readonly ImportOptions _options = options.Value;

    public async Task<ImportPageViewModel> LoadAsync(string? refusal, CancellationToken cancellationToken)
    {
        var now = runs.Now;
        var recent = await runs.RecentAsync(PastShown + 1, cancellationToken);
        var current = recent.FirstOrDefault(r => r.ActiveSlot is not null) ?? recent.FirstOrDefault();
        return new ImportPageViewModel
        {
            Current = current is null ? null : ImportRunViewModel.From(current, now),
            Past = [.. recent.Where(r => r != current).Take(PastShown).Select(r => ImportRunViewModel.From(r, now))],
            MaxUploadMegabytes = _options.MaxUploadMegabytes,
            Refusal = refusal,
        };
    }

    public async Task<ImportRunViewModel?> CurrentAsync(CancellationToken cancellationToken) =>
        await runs.LatestAsync(cancellationToken) is { } run ? ImportRunViewModel.From(run, runs.Now) : null;
}
