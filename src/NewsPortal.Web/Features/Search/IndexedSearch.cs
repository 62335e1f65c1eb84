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
    /// One page of a moderator's search: comments of one status (and perhaps one article) whose text matches
    /// (<c>CommentSearch</c>), or whose writer's name, e-mail address or IP address holds the query's words in order
    /// (<c>CommentAuthorSearch</c>, <see cref="SearchQuery.WhoPhrase"/>). Ordered by arrival (id), newest or oldest
    /// first. On SQLite each index is read in id order, each hit's comment looked up by key, and the two runs merged
    /// here, so a page reads about as many index rows as it skips and shows, never every comment of the status; for
    /// one article its comments are read and each looked up in the indexes.
    /// </summary>
    public static async Task<List<int>> QueuePageAsync(
        NewsDbContext db, SearchQuery query, CommentStatus status, int? articleId, bool oldestFirst, int skip, int take, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            var found = await SqliteQueueAsync(db, query, status, articleId, oldestFirst, skip + take, cancellationToken);
            return [.. found.Skip(skip)];
        }

        var order = oldestFirst ? "ASC" : "DESC";
        var paged = $"{SqlServerQueue(articleId)} ORDER BY c.Id {order} OFFSET {{4}} ROWS FETCH NEXT {{5}} ROWS ONLY";
        return await db.Database.SqlQueryRaw<int>(paged, [.. SqlServerArguments(query, status, articleId), skip, take]).ToListAsync(cancellationToken);
    }

    /// <summary>How many comments <see cref="QueuePageAsync"/> would find, counted no further than <paramref name="limit"/> + 1.</summary>
    public static async Task<int> QueueCountUpToAsync(
        NewsDbContext db, SearchQuery query, CommentStatus status, int? articleId, int limit, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            return (await SqliteQueueAsync(db, query, status, articleId, oldestFirst: false, limit + 1, cancellationToken)).Count;
        }

        var bounded = $"SELECT COUNT(*) AS Value FROM (SELECT TOP ({{4}}) m.Value FROM ({SqlServerQueue(articleId)}) AS m) AS m";
        var counts = await db.Database.SqlQueryRaw<int>(bounded, [.. SqlServerArguments(query, status, articleId), limit + 1]).ToListAsync(cancellationToken);
        return counts[0];
    }

    /// <summary>The first <paramref name="limit"/> matches in order: each index's own first <paramref name="limit"/>, merged.</summary>
    private static async Task<List<int>> SqliteQueueAsync(
        NewsDbContext db, SearchQuery query, CommentStatus status, int? articleId, bool oldestFirst, int limit, CancellationToken cancellationToken)
    {
        var order = oldestFirst ? "ASC" : "DESC";
        var text = await db.Database.SqlQueryRaw<int>(SqliteArm("CommentSearch", articleId, order), query.ToFts5(), (int)status, limit, articleId ?? 0)
            .ToListAsync(cancellationToken);
        var who = await db.Database.SqlQueryRaw<int>(SqliteArm("CommentAuthorSearch", articleId, order), query.ToFts5Who(), (int)status, limit, articleId ?? 0)
            .ToListAsync(cancellationToken);
        var merged = text.Union(who);
        return [.. (oldestFirst ? merged.Order() : merged.OrderDescending()).Take(limit)];
    }

    // The index drives the query (CROSS JOIN keeps it outermost) and FTS5 streams its hits in rowid order.
    private static string SqliteArm(string index, int? articleId, string order) => articleId is null
        ? $"SELECT c.Id AS Value FROM {index} AS s CROSS JOIN Comments AS c ON c.Id = s.rowid " +
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
