namespace NewsPortal.Web.Features.AdminImport;

public sealed class ImportPageViewModel
{
    /// <summary>The run shown at the top: the active one, else the latest.</summary>
    public ImportRunViewModel? Current { get; init; }

    /// <summary>Earlier runs, newest first (the current one left out).</summary>
    public IReadOnlyList<ImportRunViewModel> Past { get; init; } = [];

    public int MaxUploadMegabytes { get; init; }

    /// <summary>Why the last upload was not taken; shown above the form.</summary>
    public string? Refusal { get; init; }

    public bool CanUpload => Current is not { Running: true } || Current.Stalled;
}

/// <summary>One run as the page and its JSON show it; the text is made here once, so both say the same.</summary>
/// <param name="Status">running, succeeded, failed or interrupted.</param>
/// <param name="Stalled">Running, but its instance has not reported within its lease: it stopped (a new upload takes its place).</param>
/// <param name="Percent">0–100; null while the phase's size is not known yet.</param>
public sealed record ImportRunViewModel(
    int Id,
    string Status,
    bool Running,
    bool Stalled,
    string Phase,
    long Done,
    long Total,
    int? Percent,
    long RatePerSecond,
    string ProgressText,
    string StatusText,
    string ExportFileName,
    string? UploadsFileName,
    string StartedBy,
    DateTime StartedAt,
    DateTime? FinishedAt,
    bool CancelRequested,
    IReadOnlyList<string> SummaryLines,
    string? Error)
{
    public static ImportRunViewModel From(WordPressImportRun run, DateTime now)
    {
        var running = run.ActiveSlot is not null;
        var stalled = running && run.LeaseUntil < now;
        var seconds = (now - run.PhaseStartedAt).TotalSeconds;
        var rate = running && seconds >= 1 ? (long)(run.Done / seconds) : 0;
        int? percent = run.Total > 0 ? (int)Math.Min(100, run.Done * 100 / run.Total) : null;
        var counts = run.Total > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{run.Phase}: {run.Done:N0} of {run.Total:N0} ({percent}%)")
            : run.Done > 0 ? string.Create(CultureInfo.InvariantCulture, $"{run.Phase}: {run.Done:N0}") : run.Phase + "…";
        var status = run.Status switch
        {
            _ when stalled => "stalled",
            _ when running => "running",
            ImportRunStatus.Succeeded => "succeeded",
            ImportRunStatus.Failed => "failed",
            ImportRunStatus.Cancelled => "cancelled",
            _ => "interrupted",
        };
        return new ImportRunViewModel(
            Id: run.Id,
            Status: status,
            Running: running,
            Stalled: stalled,
            Phase: run.Phase,
            Done: run.Done,
            Total: run.Total,
            Percent: percent,
            RatePerSecond: rate,
            ProgressText: rate > 0 ? string.Create(CultureInfo.InvariantCulture, $"{counts}, {rate:N0} a second") : counts,
            StatusText: status switch
            {
                "stalled" => "Stopped reporting: the instance running it may have stopped. If it restarts it picks the import up again; a new upload takes its place.",
                "running" when run.CancelRequestedBy is not null => "Stopping (asked by " + run.CancelRequestedBy + ")",
                "running" => "Importing",
                "succeeded" => "Finished",
                "failed" => "Failed",
                "cancelled" => "Cancelled",
                _ => "Interrupted",
            },
            ExportFileName: run.ExportFileName,
            UploadsFileName: run.UploadsFileName,
            StartedBy: run.StartedBy,
            StartedAt: run.StartedAt,
            FinishedAt: run.FinishedAt,
            CancelRequested: run.CancelRequestedBy is not null,
            SummaryLines: run.Summary is null ? [] : run.Summary.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Error: run.Error);
    }
}
