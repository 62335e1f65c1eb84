namespace NewsPortal.Web.Data.Queries.Sqlite;

/// <summary>
/// Per-connection SQLite settings for a web server, added to the SQLite context only (journal_mode=WAL is set once
/// before migrating, by <see cref="SqliteDatabaseJournal"/>, and lives in the file):
/// - synchronous=NORMAL: in WAL mode the database cannot be corrupted by a crash; at worst the last transactions
///   before a power cut are lost. FULL would fsync on every commit, which caps comment posting at the disk's
///   flush rate for no gain in consistency.
/// - busy_timeout (Database:WriteWaitSeconds, 5 s): a writer waits that long for another process's write lock
///   instead of failing at once with SQLITE_BUSY. The wait blocks its thread, so <see cref="SqliteWriteGate"/> lets
///   only one of this process's writers wait here at a time.
/// - mmap_size (Database:SqliteMemoryMapMegabytes): reads through a memory map of the file rather than a copy per page.
/// Writes are short (one comment, one moderation change) and no transaction is held across a network wait.
/// </summary>
public sealed class SqliteTuningInterceptor : DbConnectionInterceptor
{
    private readonly string _pragmas;

    public SqliteTuningInterceptor(DatabaseOptions options) =>
        _pragmas = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={options.WriteWaitSeconds * 1000}; PRAGMA mmap_size={options.SqliteMemoryMapMegabytes * 1024L * 1024};");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
