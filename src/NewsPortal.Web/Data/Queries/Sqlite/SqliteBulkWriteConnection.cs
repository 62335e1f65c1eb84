namespace NewsPortal.Web.Data.Queries.Sqlite;

/// <summary>
/// Holds the context's connection open while posts and comments are written, with a page cache of
/// <see cref="CacheKilobytes"/> for the duration (SQLite's default is 2 MB): a batch touches pages all over the comment
/// indexes (by e-mail address, by status and date), and with the small cache each batch read them back through the
/// kernel. The old size is restored before the connection goes back to the pool, so the site's own connections never
/// keep the bigger cache.
/// </summary>
public sealed class SqliteBulkWriteConnection : IBulkWriteConnection
{
    /// <summary>The held connection's page cache: enough for a batch's pages, small beside the 300 MB the import may use.</summary>
    public const int CacheKilobytes = 16 * 1024;

    public async Task<IAsyncDisposable> HoldAsync(NewsDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA cache_size";
        var old = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = -{CacheKilobytes}");
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new Held(db, old);
    }

    private sealed class Held(NewsDbContext db, long cacheSize) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (var command = db.Database.GetDbConnection().CreateCommand())
            {
                command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {cacheSize}");
                await command.ExecuteNonQueryAsync();
            }

            await db.Database.CloseConnectionAsync();
        }
    }
}
