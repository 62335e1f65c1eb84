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
public sealed class ImportRunViewModel
{
    public int Id { get; init; }

    /// <summary>running, succeeded, failed or interrupted.</summary>
    public required string Status { get; init; }

    public bool Running { get; init; }

    /// <summary>Running, but its instance has not reported within its lease: it stopped (a new upload takes its place).</summary>
    public bool Stalled { get; init; }

    public required string Phase { get; init; }

    public long Done { get; init; }

    public long Total { get; init; }

    /// <summary>0–100; null while the phase's size is not known yet.</summary>
    public int? Percent { get; init; }

    public long RatePerSecond { get; init; }

    public required string ProgressText { get; init; }

    public required string StatusText { get; init; }

    public required string ExportFileName { get; init; }

    public string? UploadsFileName { get; init; }

    public required string StartedBy { get; init; }

    public DateTime StartedAt { get; init; }

    public DateTime? FinishedAt { get; init; }

    public bool CancelRequested { get; init; }

    public IReadOnlyList<string> SummaryLines { get; init; } = [];

    public string? Error { get; init; }

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
        return new ImportRunViewModel
        {
            Id = run.Id,
            Status = status,
            Running = running,
            Stalled = stalled,
            Phase = run.Phase,
            Done = run.Done,
            Total = run.Total,
            Percent = percent,
            RatePerSecond = rate,
            ProgressText = rate > 0 ? string.Create(CultureInfo.InvariantCulture, $"{counts}, {rate:N0} a second") : counts,
            StatusText = status switch
            {
                "stalled" => "Stopped reporting: the instance running it may have stopped. If it restarts it picks the import up again; a new upload takes its place.",
                "running" when run.CancelRequestedBy is not null => "Stopping (asked by " + run.CancelRequestedBy + ")",
                "running" => "Importing",
                "succeeded" => "Finished",
                "failed" => "Failed",
                "cancelled" => "Cancelled",
                _ => "Interrupted",
            },
            ExportFileName = run.ExportFileName,
            UploadsFileName = run.UploadsFileName,
            StartedBy = run.StartedBy,
            StartedAt = run.StartedAt,
            FinishedAt = run.FinishedAt,
            CancelRequested = run.CancelRequestedBy is not null,
            SummaryLines = run.Summary is null ? [] : run.Summary.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Error = run.Error,
        };
    }
}
