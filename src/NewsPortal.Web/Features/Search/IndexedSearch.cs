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
    /// A moderator's search: comments of one status (and perhaps one article) whose text matches
    /// (<c>CommentSearch</c>), or whose writer's name, e-mail address or IP address holds the query's words in order
    /// (<c>CommentAuthorSearch</c>, <see cref="SearchQuery.WhoPhrase"/>), by arrival (id), newest or oldest first;
    /// the matches from <paramref name="skip"/> on, at most <paramref name="take"/>. On SQLite each index is read in
    /// id order with each hit's status checked by key, and the two runs merged here, so a page reads about
    /// <paramref name="skip"/> + <paramref name="take"/> index rows, never every comment of the status; for one
    /// article its comments are read and each looked up in the indexes.
    /// </summary>
    public static async Task<List<int>> QueuePageAsync(
        NewsDbContext db, SearchQuery query, CommentStatus status, int? articleId, bool oldestFirst, int skip, int take, CancellationToken cancellationToken)
    {
        var order = oldestFirst ? "ASC" : "DESC";
        if (!db.Database.IsSqlite())
        {
            var paged = $"{SqlServerQueue(articleId)} ORDER BY c.Id {order} OFFSET {{4}} ROWS FETCH NEXT {{5}} ROWS ONLY";
            return await db.Database.SqlQueryRaw<int>(paged, [.. SqlServerArguments(query, status, articleId), skip, take]).ToListAsync(cancellationToken);
        }

        var limit = skip + take;
        var text = await db.Database.SqlQueryRaw<int>(SqliteQueueSql("CommentSearch", articleId, order), query.ToFts5(), (int)status, limit, articleId ?? 0)
            .ToListAsync(cancellationToken);
        var who = await db.Database.SqlQueryRaw<int>(SqliteQueueSql("CommentAuthorSearch", articleId, order), query.ToFts5Who(), (int)status, limit, articleId ?? 0)
            .ToListAsync(cancellationToken);
        var merged = text.Union(who);
        return [.. (oldestFirst ? merged.Order() : merged.OrderDescending()).Skip(skip).Take(take)];
    }

    /// <summary>
    /// How many comments <see cref="QueuePageAsync"/> finds, counted no further than <paramref name="limit"/> + 1,
    /// in the database: on SQLite the union of each index's first <paramref name="limit"/> + 1 hits.
    /// </summary>
    public static async Task<int> QueueCountUpToAsync(
        NewsDbContext db, SearchQuery query, CommentStatus status, int? articleId, int limit, CancellationToken cancellationToken)
    {
        var sqlite = db.Database.IsSqlite();
        var sql = sqlite
            ? $"SELECT COUNT(*) AS Value FROM (SELECT Value FROM ({SqliteQueueSql("CommentSearch", articleId, "DESC")}) " +
              $"UNION SELECT Value FROM ({SqliteQueueSql("CommentAuthorSearch", articleId, "DESC", first: 4)}))"
            : $"SELECT COUNT(*) AS Value FROM (SELECT TOP ({{4}}) m.Value FROM ({SqlServerQueue(articleId)}) AS m) AS m";
        object[] arguments = sqlite
            ? [query.ToFts5(), (int)status, limit + 1, articleId ?? 0, query.ToFts5Who(), (int)status, limit + 1, articleId ?? 0]
            : [.. SqlServerArguments(query, status, articleId), limit + 1];
        var counted = db.Database.SqlQueryRaw<int>(sql, arguments);
        return (await counted.ToListAsync(cancellationToken))[0];
    }

    /// <summary>
    /// One index's hits of one status, in id order, at most a limit: the index drives the query (CROSS JOIN keeps it
    /// outermost) and FTS5 streams its hits in rowid order; each hit's status is checked in IX_Comments_Status (a
    /// few small pages), which SQLite's planner would not pick over the table's key by itself (a row's page per hit:
    /// 2-3x the time on 1,000,000 comments). Parameters from <paramref name="first"/>: the FTS5 expression, the
    /// status, the limit, the article.
    /// </summary>
    public static string SqliteQueueSql(string index, int? articleId, string order, int first = 0)
    {
        string P(int i) => "{" + (first + i).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";
        return articleId is null
            ? $"SELECT c.Id AS Value FROM {index} AS s CROSS JOIN Comments AS c INDEXED BY IX_Comments_Status ON c.Id = s.rowid " +
              $"WHERE {index} MATCH {P(0)} AND c.Status = {P(1)} ORDER BY s.rowid {order} LIMIT {P(2)}"
            : $"SELECT c.Id AS Value FROM Comments AS c WHERE c.ArticleId = {P(3)} AND c.Status = {P(1)} " +
              $"AND EXISTS (SELECT 1 FROM {index} WHERE {index} MATCH {P(0)} AND {index}.rowid = c.Id) ORDER BY c.Id {order} LIMIT {P(2)}";
    }

    private static string SqlServerQueue(int? articleId) =>
        "SELECT c.Id AS Value FROM Comments AS c WHERE c.Status = {2}" + (articleId is null ? string.Empty : " AND c.ArticleId = {3}") +
        " AND c.Id IN (SELECT CommentId FROM CommentSearch WHERE CONTAINS(Body, {0}) " +
        "UNION ALL SELECT CommentId FROM CommentAuthorSearch WHERE CONTAINS((Name, Email, Ip), {1}))";

    private static object[] SqlServerArguments(SearchQuery query, CommentStatus status, int? articleId) =>
        [query.ToContains(), query.ToContainsWho(), (int)status, articleId ?? 0];
}
