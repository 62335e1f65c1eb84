namespace NewsPortal.Web.Infrastructure.Database;

public static class ConcurrentSaves
{
    /// <summary>
    /// Saves; false, with nothing saved and the context cleared, when a row's concurrency token shows that someone else
    /// changed it after it was loaded (of two people acting on one row, exactly one wins).
    /// </summary>
    public static async Task<bool> SaveUnlessChangedAsync(this DbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
