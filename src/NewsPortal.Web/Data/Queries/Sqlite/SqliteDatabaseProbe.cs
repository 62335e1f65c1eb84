namespace NewsPortal.Web.Data.Queries.Sqlite;

/// <summary>
/// Opening a connection proves only that SQLite can read, so this takes the write lock and gives it back at once
/// (<c>BEGIN IMMEDIATE; ROLLBACK</c>) without waiting: a read-only file or folder refuses every write; a lock someone
/// else holds right now is busy (writes queue for their turn, see <see cref="SqliteWriteGate"/>).
/// </summary>
public sealed class SqliteDatabaseProbe : IDatabaseProbe
{
    public async Task<DatabaseWriteState> WriteStateAsync(NewsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            // A connection of its own: the context's carries the site's busy timeout, and this must not wait.
            await using var connection = new SqliteConnection(db.Database.GetConnectionString());
            await connection.OpenAsync(cancellationToken);

            // SQLite opens a file it may not write read-only, without an error; it then refuses every write.
            if (SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
            {
                return new(DatabaseWriteKind.Refused, "The database file is open read-only: check that the site's user may write the file and its folder.");
            }

            // One statement per command: a command's later statements run only as its results are read.
            foreach (var sql in new[] { "PRAGMA busy_timeout=0;", "BEGIN IMMEDIATE;", "ROLLBACK;" })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.CommandTimeout = 1; // Microsoft.Data.Sqlite retries a busy lock until this runs out.
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return new(DatabaseWriteKind.Writable);
        }
        catch (SqliteException ex) when (DatabaseErrors.IsBusy(ex))
        {
            return new(DatabaseWriteKind.Busy);
        }
        catch (SqliteException ex)
        {
            return new(DatabaseWriteKind.Refused, $"The database cannot be written: {ex.Message}");
        }
    }
}
