namespace NewsPortal.Web.Data.Queries.Sqlite;

/// <summary>WAL lets readers carry on while a comment is written; the setting is stored in the file itself.</summary>
public sealed class SqliteDatabaseJournal : IDatabaseJournal
{
    public async Task UseWriteAheadLogAsync(NewsDbContext db, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
}
