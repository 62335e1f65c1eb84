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

    /// <summary>
    /// SQLite: how much of the database file each connection reads through a memory map (SQLite's <c>mmap_size</c>)
    /// instead of copying pages in with a system call. On a large archive the copies were a third of a search's CPU
    /// time (docs/performance.md). The mapped pages are the operating system's file cache, shared by every connection
    /// and process, but count in the process's resident size (RssFile) while they are in that cache, and a read error
    /// on the disk becomes a signal that ends the process (SIGBUS) instead of an error SQLite reports. So it is off
    /// (0) unless an operator turns it on. SQLite caps it at 2,047 MB.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, 2047)]
    public int SqliteMemoryMapMegabytes { get; set; }
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
