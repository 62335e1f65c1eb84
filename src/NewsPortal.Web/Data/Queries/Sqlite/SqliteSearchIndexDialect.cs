namespace NewsPortal.Web.Data.Queries.Sqlite;

/// <summary>FTS5 tables are keyed by rowid; SQLite has one writer at a time, so the catch-up needs no lock of its own.</summary>
public sealed class SqliteSearchIndexDialect : ISearchIndexDialect
{
    public string ArticleKey => "rowid";

    public string CommentKey => "rowid";

    public string? CatchUpLockSql => null;

    public string FirstIdsAbove(string table, string condition, int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"SELECT t.Id FROM {table} t WHERE t.Id > {{0}} AND {condition} ORDER BY t.Id LIMIT {limit}");
}
