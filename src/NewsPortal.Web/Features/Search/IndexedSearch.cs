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
    /// One page of a moderator's search: comments of one status (and perhaps one article) whose text matches, or
    /// whose writer's name, e-mail address or IP address holds the query's words in order (<see cref="SearchQuery.WhoPhrase"/>).
    /// Ordered by arrival (id), newest or oldest first. On SQLite the index is read in id order and each hit's
    /// comment looked up by key, so a page reads about as many index rows as it skips and shows, never every
    /// comment of the status; for one article its comments are read and each looked up in the index.
    /// </summary>
    public static Task<List<int>> QueuePageAsync(
        NewsDbContext db, SearchQuery query, CommentStatus status, int? articleId, bool oldestFirst, int skip, int take, CancellationToken cancellationToken)
    {
        var order = oldestFirst ? "ASC" : "DESC";
        var (sql, parameters) = QueueMatches(db, query, status, articleId);
        // Ordered by the index's rowid when the index drives the query, so FTS5 streams its hits in that order.
        var key = articleId is null ? "s.rowid" : "c.Id";
        var paged = db.Database.IsSqlite()
            ? $"{sql} ORDER BY {key} {order} LIMIT {{{parameters.Count}}} OFFSET {{{parameters.Count + 1}}}"
            : $"{sql} ORDER BY c.Id {order} OFFSET {{{parameters.Count + 1}}} ROWS FETCH NEXT {{{parameters.Count}}} ROWS ONLY";
        return db.Database.SqlQueryRaw<int>(paged, [.. parameters, take, skip]).ToListAsync(cancellationToken);
    }

    /// <summary>How many comments <see cref="QueuePageAsync"/> would find, counted no further than <paramref name="limit"/> + 1.</summary>
    public static async Task<int> QueueCountUpToAsync(
        NewsDbContext db, SearchQuery query, CommentStatus status, int? articleId, int limit, CancellationToken cancellationToken)
    {
        var (sql, parameters) = QueueMatches(db, query, status, articleId);
        var bounded = db.Database.IsSqlite()
            ? $"SELECT COUNT(*) AS Value FROM ({sql} LIMIT {{{parameters.Count}}}) AS m"
            : $"SELECT COUNT(*) AS Value FROM (SELECT TOP ({{{parameters.Count}}}) m.Value FROM ({sql}) AS m) AS m";
        var counts = await db.Database.SqlQueryRaw<int>(bounded, [.. parameters, limit + 1]).ToListAsync(cancellationToken);
        return counts[0];
    }

    private static (string Sql, List<object> Parameters) QueueMatches(NewsDbContext db, SearchQuery query, CommentStatus status, int? articleId)
    {
        if (db.Database.IsSqlite())
        {
            var match = $"(Body : ({query.ToFts5()})) OR ({{Name Email Ip}} : {query.ToFts5Who()})";
            return articleId is { } id
                ? ("SELECT c.Id AS Value FROM Comments AS c WHERE c.ArticleId = {1} AND c.Status = {2} " +
                   "AND EXISTS (SELECT 1 FROM CommentSearch WHERE CommentSearch MATCH {0} AND CommentSearch.rowid = c.Id)",
                    [match, id, (int)status])
                : ("SELECT c.Id AS Value FROM CommentSearch AS s CROSS JOIN Comments AS c ON c.Id = s.rowid " +
                   "WHERE CommentSearch MATCH {0} AND c.Status = {1}",
                    [match, (int)status]);
        }

        const string Matches = "c.Id IN (SELECT CommentId FROM CommentSearch WHERE CONTAINS(Body, {0}) OR CONTAINS((Name, Email, Ip), {1}))";
        return articleId is { } article
            ? ($"SELECT c.Id AS Value FROM Comments AS c WHERE c.ArticleId = {{2}} AND c.Status = {{3}} AND {Matches}", [query.ToContains(), query.ToContainsWho(), article, (int)status])
            : ($"SELECT c.Id AS Value FROM Comments AS c WHERE c.Status = {{2}} AND {Matches}", [query.ToContains(), query.ToContainsWho(), (int)status]);
    }
}
