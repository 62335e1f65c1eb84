using NewsPortal.Web.Features.WordPressImport;

namespace NewsPortal.Web.Features.AdminImport;

/// <summary>Wakes <see cref="ImportRunner"/> at once after an upload instead of at its next look.</summary>
public sealed class ImportWorkSignal : Infrastructure.Hosting.WorkSignal;

/// <summary>
/// Runs the imports uploaded on /admin/import in the background, one at a time: the one just uploaded here, or one
/// whose instance stopped reporting while its files are on this instance's disk (the instance restarted: the import
/// is repeatable, so running it again finishes it without duplicates). Progress goes to the run's row every
/// <see cref="ReportEvery"/>, which also renews its lease; at the end the row gets the command line's summary, or
/// the reason it failed, and the uploaded files are deleted. Every failure but the host's stopping is recorded and
/// logged; the loop goes on.
/// </summary>
public sealed partial class ImportRunner(
    IServiceScopeFactory scopes, ImportWorkSignal signal, ImportWordPressExport importer, IOptions<ImportOptions> options, TimeProvider time, ILogger<ImportRunner> logger)
    : Infrastructure.Hosting.PeriodicBackgroundService
{
    public static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(1);

    /// <summary>How often it looks for a run left by an instance that stopped (a fresh upload wakes it at once).</summary>
    public static readonly TimeSpan LookEvery = TimeSpan.FromSeconds(30);

    private readonly ImportOptions _options = options.Value;
    private readonly TimeProvider _time = time;

    protected override bool Enabled => true;

    protected override TimeSpan Interval => LookEvery;

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        while (await RunNextAsync(stoppingToken))
        {
        }
    }

    protected override Task WaitAsync(CancellationToken stoppingToken) => signal.WaitAsync(Interval, stoppingToken);

    protected override void LogFailure(Exception exception) => LogLookFailed(logger, exception);

    private async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var runs = scope.ServiceProvider.GetRequiredService<ImportRuns>();
        var run = await runs.ClaimAsync(r => File.Exists(Path.Combine(r.WorkFolder, ImportWorkFolder.ExportFile)), stoppingToken);
        if (run is null)
        {
            return false;
        }

        await RunAsync(runs, run, stoppingToken);
        return true;
    }

    private async Task RunAsync(ImportRuns runs, WordPressImportRun run, CancellationToken stoppingToken)
    {
        LogStarted(logger, run.Id, run.ExportFileName, run.Attempts + 1);
        var progress = new ProgressBox(_time);
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var reporting = new CancellationTokenSource();
        var cancel = new CancelBox();
        var reporter = ReportAsync(run.Id, progress, lost, cancel, reporting.Token);
        ImportRunStatus status;
        string? summary = null, error = null;
        try
        {
            string? media = null;
            if (run.UploadsFileName is not null)
            {
                const string Unpacking = "Unpacking the uploads zip";
                progress.Set(new ImportProgress(Unpacking, 0, 0));
                media = await UploadsArchive.ExtractAsync(
                    Path.Combine(run.WorkFolder, ImportWorkFolder.UploadsZip),
                    Path.Combine(run.WorkFolder, ImportWorkFolder.UploadsFolder),
                    _options,
                    (done, total) => progress.Set(new ImportProgress(Unpacking, done, total)),
                    lost.Token);
            }

            var result = await importer.RunAsync(new ImportRequest(Path.Combine(run.WorkFolder, ImportWorkFolder.ExportFile), media), progress.Set, lost.Token);
            (status, summary) = (ImportRunStatus.Succeeded, result.ToString());
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested && cancel.By is { } by && !stoppingToken.IsCancellationRequested)
        {
            (status, error) = (ImportRunStatus.Cancelled, $"Cancelled by {by}. What was written stays; importing the same files again finishes it.");
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
            // The host is stopping (the lease runs out and the next start finishes the run), or another instance
            // took the run over: either way the row is not this instance's to finish, and the files are still needed.
            await StopReportingAsync(reporting, reporter);
            LogLeft(logger, run.Id);
            return;
        }
        catch (WxrFormatException ex)
        {
            (status, error) = (ImportRunStatus.Failed, "Nothing was imported: " + ex.Message);
        }
        catch (UploadsArchiveException ex)
        {
            (status, error) = (ImportRunStatus.Failed, "Nothing was imported: " + ex.Message);
        }
#pragma warning disable CA1031 // Any failure ends this run with its reason on the page; the runner goes on.
        catch (Exception) when (cancel.By is { } by && !stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            // Stopped mid-write by the cancellation: the admin's stop, not a failure.
            (status, error) = (ImportRunStatus.Cancelled, $"Cancelled by {by}. What was written stays; importing the same files again finishes it.");
        }
#pragma warning disable CA1031
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex, run.Id);
            (status, error) = (ImportRunStatus.Failed, $"The import stopped: {ex.GetBaseException().Message} What was written stays; importing the same files again finishes it.");
        }

        await StopReportingAsync(reporting, reporter);
        // Files first: a run shown as ended has nothing left on disk.
        ImportWorkFolder.Delete(run.WorkFolder);
        await runs.FinishAsync(run.Id, progress.Last, status, summary, error, CancellationToken.None);
        LogFinished(logger, run.Id, status);
    }

    /// <summary>Writes the latest progress every <see cref="ReportEvery"/>; a write that finds the run no longer ours stops the import.</summary>
    private async Task ReportAsync(int id, ProgressBox progress, CancellationTokenSource lost, CancelBox cancel, CancellationToken stop)
    {
        await using var scope = scopes.CreateAsyncScope();
        var runs = scope.ServiceProvider.GetRequiredService<ImportRuns>();
        using var timer = new PeriodicTimer(ReportEvery, _time);
        try
        {
            do
            {
                var (last, phaseStartedAt) = progress.Snapshot();
                try
                {
                    var outcome = await runs.ReportAsync(id, last.Phase, last.Done, last.Total, phaseStartedAt, stop);
                    if (!outcome.Held)
                    {
                        LogTakenOver(logger, id);
                        await lost.CancelAsync();
                        return;
                    }

                    if (outcome.CancelRequestedBy is { } by)
                    {
                        LogCancelled(logger, id, by);
                        cancel.By = by;
                        await lost.CancelAsync();
                        return;
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // A missed report only delays the page; the lease outlasts many of them.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogReportFailed(logger, ex, id);
                }
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    private static async Task StopReportingAsync(CancellationTokenSource reporting, Task reporter)
    {
        await reporting.CancelAsync();
        await reporter;
    }

    /// <summary>Who asked the run to stop, once the reporting loop has seen it.</summary>
    private sealed class CancelBox
    {
        private volatile string? _by;

        public string? By
        {
            get => _by;
            set => _by = value;
        }
    }

    /// <summary>The importer's latest report, and when its phase began (for the rate), shared with the reporting loop.</summary>
    private sealed class ProgressBox(TimeProvider time)
    {
        private readonly Lock _lock = new();
        private ImportProgress _last = new("Starting", 0, 0);
        private DateTime _phaseStartedAt = time.GetUtcNow().UtcDateTime;

        public ImportProgress Last
        {
            get
            {
                lock (_lock)
                {
                    return _last;
                }
            }
        }

        public void Set(ImportProgress progress)
        {
            lock (_lock)
            {
                if (progress.Phase != _last.Phase)
                {
                    _phaseStartedAt = time.GetUtcNow().UtcDateTime;
                }

                _last = progress;
            }
        }

        public (ImportProgress Last, DateTime PhaseStartedAt) Snapshot()
        {
            lock (_lock)
            {
                return (_last, _phaseStartedAt);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import run {Id} of {File} starting (start {Attempt})")]
    private static partial void LogStarted(ILogger logger, int id, string file, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import run {Id} finished: {Status}")]
    private static partial void LogFinished(ILogger logger, int id, ImportRunStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import run {Id} left unfinished: the host is stopping or another instance took it over")]
    private static partial void LogLeft(ILogger logger, int id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import run {Id} is no longer this instance's (its lease ran out and another took it); stopping here")]
    private static partial void LogTakenOver(ILogger logger, int id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import run {Id}: {By} asked it to stop; stopping")]
    private static partial void LogCancelled(ILogger logger, int id, string by);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import run {Id} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, int id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import run {Id}: a progress report could not be written; the next one tries again")]
    private static partial void LogReportFailed(ILogger logger, Exception exception, int id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for an import to run failed; the next look tries again")]
    private static partial void LogLookFailed(ILogger logger, Exception exception);
}
