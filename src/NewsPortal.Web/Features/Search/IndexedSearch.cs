using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Search;

/// <summary>The full-text indexes as id sets that LINQ queries can compose with (<c>ids.Contains(c.Id)</c>), and the moderation queue's search.</summary>
public static class IndexedSearch
{
    /// <summary>Ids of articles (drafts included: the newsroom's own index) whose indexed text matches.</summary>
    public static IQueryable<int> MatchingArticles(NewsDbContext db, SearchQuery query) =>
        db.Database.IsSqlite()
            ? db.Database.SqlQueryRaw<int>("SELECT rowid AS Value FROM ArticleSearch WHERE ArticleSearch MATCH {0}", query.ToFts5())
            : db.Database.SqlQueryRaw<int>("SELECT ArticleId AS Value FROM ArticleSearch WHERE CONTAINS((Headline, Standfirst, Body, Tags, Section, Byline), {0})", query.ToContains());

    /// <summary>
    /// A moderator's search: the first <paramref name="limit"/> comments of one status (and perhaps one article)
    /// whose text matches (<c>CommentSearch</c>), or whose writer's name, e-mail address or IP address holds the
    /// query's words in order (<c>CommentAuthorSearch</c>, <see cref="SearchQuery.WhoPhrase"/>), by arrival (id),
    /// newest or oldest first. The caller counts and pages from this one list. On SQLite each index is read in id
    /// order, each hit's comment looked up by key, and the two runs merged here, so it reads about
    /// <paramref name="limit"/> index rows, never every comment of the status; for one article its comments are
    /// read and each looked up in the indexes.
    /// </summary>
    public static async Task<List<int>> QueueMatchesAsync(
        NewsDbContext db, SearchQuery query, CommentStatus status, int? articleId, bool oldestFirst, int limit, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            return await SqliteQueueAsync(db, query, status, articleId, oldestFirst, limit, cancellationToken);
        }

        var first = $"SELECT TOP ({{4}}) m.Value FROM ({SqlServerQueue(articleId)}) AS m ORDER BY m.Value {(oldestFirst ? "ASC" : "DESC")}";
        return await db.Database.SqlQueryRaw<int>(first, [.. SqlServerArguments(query, status, articleId), limit]).ToListAsync(cancellationToken);
    }

    /// <summary>The first <paramref name="limit"/> matches in order: each index's own first <paramref name="limit"/>, merged.</summary>
    private static async Task<List<int>> SqliteQueueAsync(
        NewsDbContext db, SearchQuery query, CommentStatus status, int? articleId, bool oldestFirst, int limit, CancellationToken cancellationToken)
    {
        var order = oldestFirst ? "ASC" : "DESC";
        var text = await db.Database.SqlQueryRaw<int>(SqliteQueueSql("CommentSearch", articleId, order), query.ToFts5(), (int)status, limit, articleId ?? 0)
            .ToListAsync(cancellationToken);
        var who = await db.Database.SqlQueryRaw<int>(SqliteQueueSql("CommentAuthorSearch", articleId, order), query.ToFts5Who(), (int)status, limit, articleId ?? 0)
            .ToListAsync(cancellationToken);
        var merged = text.Union(who);
        return [.. (oldestFirst ? merged.Order() : merged.OrderDescending()).Take(limit)];
    }

    // The index drives the query (CROSS JOIN keeps it outermost) and FTS5 streams its hits in rowid order; each hit's
    // status is checked in IX_Comments_Status (a few small pages), which SQLite's planner would not pick over the
    // table's key by itself (a row's page per hit: 2-3x the time on 1,000,000 comments).
    public static string SqliteQueueSql(string index, int? articleId, string order) => articleId is null
        ? $"SELECT c.Id AS Value FROM {index} AS s CROSS JOIN Comments AS c INDEXED BY IX_Comments_Status ON c.Id = s.rowid " +
          $"WHERE {index} MATCH {{0}} AND c.Status = {{1}} ORDER BY s.rowid {order} LIMIT {{2}}"
        : "SELECT c.Id AS Value FROM Comments AS c WHERE c.ArticleId = {3} AND c.Status = {1} " +
          $"AND EXISTS (SELECT 1 FROM {index} WHERE {index} MATCH {{0}} AND {index}.rowid = c.Id) ORDER BY c.Id {order} LIMIT {{2}}";

    private static string SqlServerQueue(int? articleId) =>
        "SELECT c.Id AS Value FROM Comments AS c WHERE c.Status = {2}" + (articleId is null ? string.Empty : " AND c.ArticleId = {3}") +
        " AND c.Id IN (SELECT CommentId FROM CommentSearch WHERE CONTAINS(Body, {0}) " +
        "UNION ALL SELECT CommentId FROM CommentAuthorSearch WHERE CONTAINS((Name, Email, Ip), {1}))";

    private static object[] SqlServerArguments(SearchQuery query, CommentStatus status, int? articleId) =>
        [query.ToContains(), query.ToContainsWho(), (int)status, articleId ?? 0];
}
