using NewsPortal.Web.Features.AdminDashboard;
using NewsPortal.Web.Features.WordPressImport;

namespace NewsPortal.Web.Features.AdminImport;

/// <summary>
/// The import runs' rows: the record the page shows and the site-wide lease that lets one run at a time. Starting a
/// run inserts a row holding <see cref="WordPressImportRun.TheSlot"/>; the unique index refuses a second one on any
/// instance. A row whose holder stopped renewing its lease is set aside as interrupted when the next upload comes.
/// </summary>
public sealed class ImportRuns(NewsDbContext db, SqliteWriteGate gate, TimeProvider time)
{
    /// <summary>Long enough to outlast the slowest database write between two progress reports.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>A run that an instance started this many times without finishing (each start killed it) is given up.</summary>
    public const int MaxAttempts = 3;


    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public Task<WordPressImportRun?> ActiveAsync(CancellationToken cancellationToken) =>
        db.WordPressImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.ActiveSlot != null, cancellationToken);

    /// <summary>
    /// Saves <paramref name="run"/> as the one active run, held by this instance. Null when it started; otherwise the
    /// run already holding the slot (whose holder is still reporting), and nothing was saved.
    /// </summary>
    public async Task<WordPressImportRun?> TryStartAsync(WordPressImportRun run, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var now = Now;
            if (await ActiveAsync(cancellationToken) is { } active)
            {
                if (active.LeaseUntil >= now)
                {
                    return active;
                }

                await SetAsideAsync(active, now, cancellationToken);
            }

            run.Status = ImportRunStatus.Running;
            run.ActiveSlot = WordPressImportRun.TheSlot;
            run.Holder = JobLeases.Me;
            run.LeaseUntil = now + Lease;
            run.StartedAt = now;
            run.PhaseStartedAt = now;
            db.WordPressImportRuns.Add(run);
            try
            {
                using (await gate.EnterAsync(cancellationToken))
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return null;
            }
            catch (DbUpdateException)
            {
                // Another upload, on this instance or another, took the slot between the look and the insert.
                db.ChangeTracker.Clear();
            }
        }

        return await ActiveAsync(cancellationToken) ?? throw new InvalidOperationException("The import slot was taken and released at once twice.");
    }

    /// <summary>
    /// The run this instance should work on now, claimed: one it has just started, or one whose holder stopped
    /// reporting (a restart of the instance that received it, or another instance sharing its folder) whose files are
    /// here. Null when there is none.
    /// </summary>
    public async Task<WordPressImportRun?> ClaimAsync(Func<WordPressImportRun, bool> filesAreHere, CancellationToken cancellationToken)
    {
        var now = Now;
        var me = JobLeases.Me;
        var run = await db.WordPressImportRuns.AsNoTracking()
            .FirstOrDefaultAsync(r => r.ActiveSlot != null && ((r.Holder == me && r.Attempts == 0) || r.LeaseUntil < now), cancellationToken);
        if (run is null || !filesAreHere(run))
        {
            return null;
        }

        if (run.Attempts >= MaxAttempts)
        {
            await FinishAsync(run.Id, null, ImportRunStatus.Failed, null, $"Given up after {run.Attempts} starts: each one stopped before finishing (see the site's log). What was written stays; upload the same files again to finish it.", CancellationToken.None);
            return null;
        }

        var until = now + Lease;
        int claimed;
        using (await gate.EnterAsync(cancellationToken))
        {
            claimed = await db.WordPressImportRuns
                .Where(r => r.Id == run.Id && r.ActiveSlot != null && r.Attempts == run.Attempts && ((r.Holder == me && r.Attempts == 0) || r.LeaseUntil < now))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.Holder, me).SetProperty(r => r.LeaseUntil, until).SetProperty(r => r.Attempts, r => r.Attempts + 1)
                        .SetProperty(r => r.Phase, "Starting").SetProperty(r => r.Done, 0L).SetProperty(r => r.Total, 0L).SetProperty(r => r.PhaseStartedAt, now),
                    cancellationToken);
        }

        return claimed == 1 ? run : null;
    }

    /// <summary>Records progress and renews the lease; says whether the run is still this instance's and whether an admin asked it to stop.</summary>
    public async Task<ReportOutcome> ReportAsync(int id, string phase, long done, long total, DateTime phaseStartedAt, CancellationToken cancellationToken)
    {
        var me = JobLeases.Me;
        var until = Now + Lease;
        phase = phase.Length > WordPressImportRun.PhaseMaxLength ? phase[..WordPressImportRun.PhaseMaxLength] : phase;
        int held;
        using (await gate.EnterAsync(cancellationToken))
        {
            held = await db.WordPressImportRuns
                .Where(r => r.Id == id && r.ActiveSlot != null && r.Holder == me)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.Phase, phase).SetProperty(r => r.Done, done).SetProperty(r => r.Total, total)
                        .SetProperty(r => r.PhaseStartedAt, phaseStartedAt).SetProperty(r => r.LeaseUntil, until),
                    cancellationToken);
        }

        if (held == 0)
        {
            return new ReportOutcome(false, null);
        }

        return new ReportOutcome(true, await db.WordPressImportRuns.AsNoTracking().Where(r => r.Id == id).Select(r => r.CancelRequestedBy).FirstOrDefaultAsync(cancellationToken));
    }

    /// <summary>
    /// Asks the active run to stop; its instance stops at its next progress report. A run whose instance stopped
    /// reporting is ended here at once, as nobody else will. False when the run is not active (it ended meanwhile).
    /// </summary>
    public async Task<bool> RequestCancelAsync(int id, string by, CancellationToken cancellationToken)
    {
        var now = Now;
        by = by.Length > FieldLengths.StaffEmail ? by[..FieldLengths.StaffEmail] : by;
        var reason = $"Cancelled by {by}. What was written stays; importing the same files again finishes it.";
        // Not through the write gate: one row, once, from an admin's click; it must get through while an import's
        // batches queue there.
        var ended = await db.WordPressImportRuns
            .Where(r => r.Id == id && r.ActiveSlot != null && r.LeaseUntil < now)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.ActiveSlot, (int?)null).SetProperty(r => r.Status, ImportRunStatus.Cancelled)
                    .SetProperty(r => r.FinishedAt, now).SetProperty(r => r.Error, reason).SetProperty(r => r.CancelRequestedBy, by),
                cancellationToken);
        if (ended == 1)
        {
            return true;
        }

        return await db.WordPressImportRuns
            .Where(r => r.Id == id && r.ActiveSlot != null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CancelRequestedBy, by), cancellationToken) == 1;
    }

    /// <summary>Ends the run (releasing the slot) with its summary or the reason it failed.</summary>
    public async Task FinishAsync(int id, ImportProgress? last, ImportRunStatus status, string? summary, string? error, CancellationToken cancellationToken)
    {
        var now = Now;
        error = error is { Length: > WordPressImportRun.ErrorMaxLength } ? error[..WordPressImportRun.ErrorMaxLength] : error;
        using (await gate.EnterAsync(cancellationToken))
        {
            await db.WordPressImportRuns
                .Where(r => r.Id == id && r.ActiveSlot != null)
                .ExecuteUpdateAsync(
                    s =>
                    {
                        s.SetProperty(r => r.ActiveSlot, (int?)null).SetProperty(r => r.Status, status).SetProperty(r => r.FinishedAt, now)
                            .SetProperty(r => r.Summary, summary).SetProperty(r => r.Error, error);
                        if (last is not null)
                        {
                            s.SetProperty(r => r.Phase, last.Phase).SetProperty(r => r.Done, last.Done).SetProperty(r => r.Total, last.Total);
                        }
                    },
                    cancellationToken);
        }
    }

    public async Task<List<WordPressImportRun>> RecentAsync(int count, CancellationToken cancellationToken) =>
        await db.WordPressImportRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(count).ToListAsync(cancellationToken);

    public Task<WordPressImportRun?> LatestAsync(CancellationToken cancellationToken) =>
        db.WordPressImportRuns.AsNoTracking().OrderByDescending(r => r.ActiveSlot != null).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>A run whose instance stopped reporting: interrupted, its slot free for the upload that found it.</summary>
    private async Task SetAsideAsync(WordPressImportRun stale, DateTime now, CancellationToken cancellationToken)
    {
        var reason = $"Stopped: the instance running it ({stale.Holder.Split('/')[0]}) stopped reporting, and a new upload took its place. What was written stays; importing the same files again finishes it.";
        using (await gate.EnterAsync(cancellationToken))
        {
            await db.WordPressImportRuns
                .Where(r => r.Id == stale.Id && r.ActiveSlot != null && r.LeaseUntil < now)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.ActiveSlot, (int?)null).SetProperty(r => r.Status, ImportRunStatus.Interrupted)
                        .SetProperty(r => r.FinishedAt, now).SetProperty(r => r.Error, reason),
                    cancellationToken);
        }

        ImportWorkFolder.Delete(stale.WorkFolder);
    }
}

/// <summary>What a progress report found: whether this instance still holds the run, and who asked it to stop.</summary>
public sealed record ReportOutcome(bool Held, string? CancelRequestedBy);
