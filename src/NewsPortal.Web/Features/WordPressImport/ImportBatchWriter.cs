using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Infrastructure.Database;

namespace NewsPortal.Web.Features.WordPressImport;

/// <summary>
/// One import's access to the database: the keys of what earlier runs imported, and a batch as one transaction
/// (inside the provider's execution strategy, after this process's SQLite write turn), its change tracker cleared
/// afterwards so memory stays flat however long the export.
/// </summary>
public sealed class ImportBatchWriter
{
    public ImportBatchWriter(NewsDbContext db, SqliteWriteGate gate, WxrCatalog catalog, ImportRequest request, ImportSummary summary, TimeProvider time)
    {
        Db = db;
        Gate = gate;
        Catalog = catalog;
        Request = request;
        Summary = summary;
        Now = time.GetUtcNow().UtcDateTime;
    }

    public NewsDbContext Db { get; }

    public SqliteWriteGate Gate { get; }

    public WxrCatalog Catalog { get; }

    public ImportRequest Request { get; }

    public ImportSummary Summary { get; }

    public DateTime Now { get; }

    /// <summary>Local ids of items of <paramref name="kind"/> already imported from this site, among <paramref name="keys"/>.</summary>
    public async Task<Dictionary<string, int>> KnownAsync(string kind, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, int>(StringComparer.Ordinal);
        if (Request.SchemaMissing)
        {
            return known;
        }

        foreach (var chunk in keys.Distinct().Chunk(1_000))
        {
            var list = chunk.ToList();
            var source = Catalog.Source;
            foreach (var row in await Db.ImportedItems.AsNoTracking()
                         .Where(i => i.Source == source && i.Kind == kind && list.Contains(i.SourceKey))
                         .Select(i => new { i.SourceKey, i.LocalId })
                         .ToListAsync(cancellationToken))
            {
                known[row.SourceKey] = row.LocalId;
            }
        }

        return known;
    }

    public ImportedItem Key(string kind, string sourceKey, int localId) =>
        new() { Source = Catalog.Source, Kind = kind, SourceKey = sourceKey, LocalId = localId };

    /// <summary>Runs <paramref name="work"/> as one transaction: all its rows and keys, or none. Nothing in a dry run.</summary>
    public async Task InBatchAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        if (Request.DryRun)
        {
            return;
        }

        using (await Gate.EnterAsync(cancellationToken))
        {
            var strategy = Db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                Db.ChangeTracker.Clear();
                await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
                await work();
                await transaction.CommitAsync(cancellationToken);
            });
        }

        Db.ChangeTracker.Clear();
    }

    /// <summary>
    /// On SQLite, holds the context's connection open while posts and comments are written, with a page cache of
    /// <see cref="SqliteCacheKilobytes"/> for the duration (SQLite's default is 2 MB): a batch touches pages all over
    /// the comment indexes (by e-mail address, by status and date), and with the small cache each batch read them back
    /// through the kernel. The old size is restored before the connection goes back to the pool, so the site's own
    /// connections never keep the bigger cache.
    /// </summary>
    public async Task<IAsyncDisposable> HoldConnectionAsync(CancellationToken cancellationToken)
    {
        // SQL Server's buffer pool belongs to the server: nothing to tune on the connection, so EF opens and closes it.
        if (Request.DryRun || !Db.Database.IsSqlite())
        {
            return new HeldConnection(null, null);
        }

        await Db.Database.OpenConnectionAsync(cancellationToken);
        var connection = Db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA cache_size";
        var old = System.Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA cache_size = -{SqliteCacheKilobytes}");
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new HeldConnection(Db, old);
    }

    /// <summary>The import connection's SQLite page cache: enough for a batch's pages, small beside the 300 MB the import may use.</summary>
    public const int SqliteCacheKilobytes = 16 * 1024;

    private sealed class HeldConnection(NewsDbContext? db, long? sqliteCacheSize) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (db is null)
            {
                return;
            }

            if (sqliteCacheSize is { } size)
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA cache_size = {size}");
                await command.ExecuteNonQueryAsync();
            }

            await db.Database.CloseConnectionAsync();
        }
    }
}
