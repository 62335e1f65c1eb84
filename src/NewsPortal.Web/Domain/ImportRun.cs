namespace NewsPortal.Web.Domain;

/// <summary>
/// One import started from the admin area: the job's record. Progress is written as it goes, so a reload (on any
/// instance) shows it; a run whose lease ran out (its process died) is taken up again by the next start and, the
/// import being repeatable, finishes without duplicates.
/// </summary>
public class ImportRun
{
    public const int FileNameMaxLength = 200;
    public const int PathMaxLength = 500;
    public const int PhaseMaxLength = 100;
    public const int ErrorMaxLength = 2_000;

    public int Id { get; set; }

    public ImportRunState State { get; set; }

    /// <summary>The uploaded export's name, cleaned, to show.</summary>
    public required string FileName { get; set; }

    /// <summary>Where the upload was stored (under the import folder), for the job.</summary>
    public required string ExportPath { get; set; }

    /// <summary>The unpacked uploads folder, when a zip came with the export.</summary>
    public string? MediaPath { get; set; }

    public string? Phase { get; set; }

    public long Done { get; set; }

    public long Total { get; set; }

    /// <summary>The summary's lines, one per line, when finished.</summary>
    public string? Summary { get; set; }

    public string? Error { get; set; }

    public string? StartedBy { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC.</summary>
    public DateTime? FinishedAt { get; set; }

    /// <summary>UTC. The job renews it while it works; past it, another start may take the run over.</summary>
    public DateTime? LeaseUntil { get; set; }
}

public enum ImportRunState
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
}
