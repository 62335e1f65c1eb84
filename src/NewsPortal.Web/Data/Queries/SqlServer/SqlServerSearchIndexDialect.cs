namespace NewsPortal.Web.Data.Queries.SqlServer;

/// <summary>Plain tables keyed by ArticleId / CommentId; instances' catch-ups take turns through an application lock.</summary>
public sealed class SqlServerSearchIndexDialect : ISearchIndexDialect
{
    public string ArticleKey => "ArticleId";

    public string CommentKey => "CommentId";

    /// <summary>Waits up to a minute; the lock is the transaction's, so it ends with the batch.</summary>
    public string? CatchUpLockSql =>
        "DECLARE @granted int; " +
        "EXEC @granted = sp_getapplock @Resource = {0}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 60000; " +
        "SELECT @granted;";

    public string FirstIdsAbove(string table, string condition, int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"SELECT TOP ({limit}) t.Id FROM {table} t WHERE t.Id > {{0}} AND {condition} ORDER BY t.Id");
}
