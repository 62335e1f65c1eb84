namespace NewsPortal.Web.Infrastructure.Database;

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Apply pending migrations at start (the default). Operators who deploy the idempotent migration script
    /// themselves turn this off.
    /// </summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// SQLite: the longest a write waits for the database, first for its turn among this process's writers, then
    /// (SQLite's busy_timeout) for another process's write lock. A comment post that cannot be written in time is
    /// answered 503 with the reader's text kept in the form.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 120)]
    public int WriteWaitSeconds { get; set; } = 5;
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
