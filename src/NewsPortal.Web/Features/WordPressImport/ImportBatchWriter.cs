namespace NewsPortal.Web.Features.WordPressImport;

/// <summary>
/// One import's access to the database: the keys of what earlier runs imported, and a batch as one transaction
/// (inside the provider's execution strategy, after this process's SQLite write turn), its change tracker cleared
/// afterwards so memory stays flat however long the export.
/// </summary>
public sealed class ImportBatchWriter(
    NewsDbContext db, SqliteWriteGate gate, IBulkWriteConnection bulkWrites, WxrCatalog catalog, ImportRequest request, ImportSummary summary, TimeProvider time)
{
    public NewsDbContext Db { get; } = db;

    public SqliteWriteGate Gate { get; } = gate;

    public WxrCatalog Catalog { get; } = catalog;

    public ImportRequest Request { get; } = request;

    public ImportSummary Summary { get; } = summary;

    public DateTime Now { get; } = time.GetUtcNow().UtcDateTime;

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
    /// Holds the context's connection while posts and comments are written, tuned for it by the provider
    /// (<see cref="IBulkWriteConnection"/>). Null in a dry run, which writes nothing (and must not create a database file).
    /// </summary>
    public async Task<IAsyncDisposable?> HoldConnectionAsync(CancellationToken cancellationToken) =>
        Request.DryRun ? null : await bulkWrites.HoldAsync(Db, cancellationToken);
}
