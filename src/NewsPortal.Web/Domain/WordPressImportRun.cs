namespace NewsPortal.Web.Domain;

/// <summary>
/// One import started from /admin/import: its record and, while it runs, the site-wide lease that keeps it the only one.
/// <see cref="ActiveSlot"/> is 1 while the run is active and null afterwards; a unique index on it lets one active run
/// exist across every instance sharing the database. The instance holding it renews <see cref="LeaseUntil"/> as it
/// reports progress; one that dies stops renewing, and once the lease has run out another start may take over.
/// </summary>
public class WordPressImportRun
{
    public const int FileNameMaxLength = 260;
    public const int FolderMaxLength = 1_000;
    public const int HolderMaxLength = 100;
    public const int PhaseMaxLength = 100;
    public const int ErrorMaxLength = 2_000;

    /// <summary>The value <see cref="ActiveSlot"/> holds while a run is active: only one row may hold it.</summary>
    public const int TheSlot = 1;

    public int Id { get; set; }

    public ImportRunStatus Status { get; set; }

    /// <summary><see cref="TheSlot"/> while running, null once finished; unique.</summary>
    public int? ActiveSlot { get; set; }

    /// <summary>The export's file name as uploaded (for people; never used as a path).</summary>
    public required string ExportFileName { get; set; }

    public long ExportBytes { get; set; }

    /// <summary>The uploads zip's file name as uploaded, when pictures came with the export.</summary>
    public string? UploadsFileName { get; set; }

    public long? UploadsBytes { get; set; }

    /// <summary>Where the uploaded files wait on the instance that received them; deleted when the run ends.</summary>
    public required string WorkFolder { get; set; }

    /// <summary>The instance running it (<c>machine/process/random</c>).</summary>
    public required string Holder { get; set; }

    /// <summary>UTC; renewed with every progress report. Past it, the holder is presumed gone.</summary>
    public DateTime LeaseUntil { get; set; }

    /// <summary>How many times an instance has started it (a restart after a crash starts it again).</summary>
    public int Attempts { get; set; }

    /// <summary>The admin who uploaded it (their e-mail).</summary>
    public required string StartedBy { get; set; }

    /// <summary>UTC.</summary>
    public DateTime StartedAt { get; set; }

    /// <summary>UTC; null while running.</summary>
    public DateTime? FinishedAt { get; set; }

    /// <summary>What it is doing now ("Posts and comments").</summary>
    public required string Phase { get; set; }

    /// <summary>UTC; when the current phase began (its rate is <see cref="Done"/> over the time since).</summary>
    public DateTime PhaseStartedAt { get; set; }

    public long Done { get; set; }

    public long Total { get; set; }

    /// <summary>The summary the command line prints, by kind: imported, already imported, skipped and why.</summary>
    public string? Summary { get; set; }

    /// <summary>Why it failed or stopped, for the page.</summary>
    public string? Error { get; set; }

    /// <summary>The admin who asked it to stop (their e-mail); the instance running it stops at its next progress report.</summary>
    public string? CancelRequestedBy { get; set; }
}

public enum ImportRunStatus
{
    Running = 0,
    Succeeded = 1,
    Failed = 2,

    /// <summary>Its instance stopped reporting and another upload took its place.</summary>
    Interrupted = 3,

    /// <summary>An admin stopped it.</summary>
    Cancelled = 4,
}
