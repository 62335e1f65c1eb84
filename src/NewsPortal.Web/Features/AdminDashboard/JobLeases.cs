namespace NewsPortal.Web.Features.AdminDashboard;

/// <summary>
/// One instance at a time for a periodic job: a row per job names its holder until a time. Claimed by one conditional
/// update (free, expired, or already ours), so two instances never both win; a holder that dies lets it run out.
/// </summary>
public sealed class JobLeases(NewsDbContext db, TimeProvider time)
{
    /// <summary>This process, as a lease holder.</summary>
    public static readonly string Me =
        $"{(Environment.MachineName.Length > 40 ? Environment.MachineName[..40] : Environment.MachineName)}/{Environment.ProcessId}/{Guid.NewGuid():N}";


    public async Task<bool> TryClaimAsync(string name, TimeSpan length, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + length;
        var claimed = await db.JobLeases
            .Where(l => l.Name == name && (l.Until < now || l.Holder == Me))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, Me).SetProperty(l => l.Until, until), cancellationToken);
        if (claimed == 1)
        {
            return true;
        }

        if (await db.JobLeases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }

        db.JobLeases.Add(new JobLease { Name = name, Holder = Me, Until = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance made the row first: it holds the lease.
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
