using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsPortal.Web.Data;
using NewsPortal.Web.Infrastructure.Database;

namespace NewsPortal.Web.Infrastructure.Health;

/// <summary>
/// SQLite: can the site write? Opening a connection proves only that it can read, so this takes the write lock and
/// gives it back at once (<c>BEGIN IMMEDIATE; ROLLBACK</c>) without waiting: a read-only file or folder is Unhealthy
/// (503, every post would fail); a lock someone else holds right now is Degraded (200: writes queue for their turn,
/// see <see cref="SqliteWriteGate"/>). SQL Server: nothing to add to the connection check.
/// </summary>
public sealed class DatabaseWritableHealthCheck : IHealthCheck
{
    private readonly NewsDbContext _db;

    public DatabaseWritableHealthCheck(NewsDbContext db) => _db = db;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!_db.Database.IsSqlite())
        {
            return HealthCheckResult.Healthy();
        }

        try
        {
            await using var connection = new SqliteConnection(_db.Database.GetConnectionString());
            await connection.OpenAsync(cancellationToken);

            // SQLite opens a file it may not write read-only, without an error; it then refuses every write.
            if (SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
            {
                return HealthCheckResult.Unhealthy("The database file is open read-only: check that the site's user may write the file and its folder.");
            }

            // One statement per command: a command's later statements run only as its results are read.
            foreach (var sql in new[] { "PRAGMA busy_timeout=0;", "BEGIN IMMEDIATE;", "ROLLBACK;" })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.CommandTimeout = 1; // Microsoft.Data.Sqlite retries a busy lock until this runs out.
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return HealthCheckResult.Healthy();
        }
        catch (SqliteException ex) when (DatabaseErrors.IsBusy(ex))
        {
            return HealthCheckResult.Degraded("Another writer holds the database's write lock; writes are queued.");
        }
        catch (SqliteException ex)
        {
            return HealthCheckResult.Unhealthy($"The database cannot be written: {ex.Message}");
        }
    }
}
