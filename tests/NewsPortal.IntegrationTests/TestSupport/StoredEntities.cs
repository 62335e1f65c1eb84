namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>A row put straight into the database, past the site's forms and rules.</summary>
public static class StoredEntities
{
    /// <summary>Adds <paramref name="entity"/>, saves, and returns it with its keys filled in.</summary>
    public static async Task<T> AddAsync<T>(NewsDbContext db, T entity)
        where T : class
    {
        db.Add(entity);
        await db.SaveChangesAsync();
        return entity;
    }
}
