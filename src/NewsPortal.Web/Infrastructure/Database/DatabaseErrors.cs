namespace NewsPortal.Web.Infrastructure.Database;

/// <summary>What a failed save means, for both providers.</summary>
public static class DatabaseErrors
{
    // SQL Server: duplicate key in a unique index (2601) or a unique/primary key constraint (2627). SQLite's codes
    // are SQLitePCL's own constants.
    private const int SqlServerUniqueIndex = 2601;
    private const int SqlServerUniqueConstraint = 2627;

    /// <summary>
    /// A write gave up waiting for the database: the write gate's bound, or SQLite's busy_timeout while another
    /// process held the write lock. Nothing was written; the reader can try again.
    /// </summary>
    public static bool IsBusy(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is DatabaseBusyException or SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The save broke a unique index: someone else stored the same key between our check and our write.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SQLitePCL.raw.SQLITE_CONSTRAINT_UNIQUE or SQLitePCL.raw.SQLITE_CONSTRAINT_PRIMARYKEY,
        SqlException sql => sql.Number is SqlServerUniqueIndex or SqlServerUniqueConstraint,
        _ => false,
    };
}
