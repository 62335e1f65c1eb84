namespace NewsPortal.Web.Data.Queries;

/// <summary>
/// What the search index writer (<see cref="Infrastructure.Search.SearchIndexWriter"/>) says differently on each
/// provider: the index tables' key (FTS5's rowid on SQLite, a key column on SQL Server), a first-N query, and the lock
/// that keeps two instances' catch-ups apart. The rest of its SQL is the same on both.
/// </summary>
public interface ISearchIndexDialect
{
    /// <summary>The key column of <c>ArticleSearch</c>.</summary>
    string ArticleKey { get; }

    /// <summary>The key column of <c>CommentSearch</c> and <c>CommentAuthorSearch</c>.</summary>
    string CommentKey { get; }

    /// <summary>The first <paramref name="limit"/> ids of <paramref name="table"/> (as <c>t</c>) above {0} that meet <paramref name="condition"/>, ascending.</summary>
    string FirstIdsAbove(string table, string condition, int limit);

    /// <summary>
    /// A statement that waits for the catch-up lock named by {0}, held until the transaction ends, and answers a
    /// negative number when it was not granted; null where the database lets one writer in at a time anyway (SQLite).
    /// </summary>
    string? CatchUpLockSql { get; }
}

/// <summary>The dialect of a context's provider.</summary>
public static class SearchIndexDialects
{
    public static ISearchIndexDialect For(DatabaseFacade database) =>
        database.IsSqlite() ? new Sqlite.SqliteSearchIndexDialect() : new SqlServer.SqlServerSearchIndexDialect();
}
