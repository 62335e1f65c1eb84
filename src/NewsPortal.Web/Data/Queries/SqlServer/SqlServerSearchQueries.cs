using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Data.Queries.SqlServer;

/// <summary>The full-text questions on SQL Server's full-text catalogs (<c>CONTAINS</c>, <c>CONTAINSTABLE</c>).</summary>
public sealed class SqlServerSearchQueries : ISearchQueries
{
    /// <summary>
    /// Ranked in the database: the full-text rank of all columns plus twice the headline's, times the same recency
    /// factor as on SQLite (1 + 1/(1 + age in days/30)), counted with a window function and paged there. A page past
    /// the end has no row to carry the count, so the first row is asked for then.
    /// </summary>
    public async Task<RankedPage> RankedAsync(NewsDbContext db, ArticleSearch search, int skip, int take, CancellationToken cancellationToken)
    {
        var hits = await HitsAsync(db, search, skip, take, cancellationToken);
        var total = hits.Count > 0 ? hits[0].Total : skip > 0 ? await CountUpToCapAsync(db, search, cancellationToken) : 0;
        return new(hits, total);
    }

    public async Task<int> CountUpToCapAsync(NewsDbContext db, ArticleSearch search, CancellationToken cancellationToken) =>
        (await HitsAsync(db, search, 0, 1, cancellationToken)).FirstOrDefault()?.Total ?? 0;

    private static async Task<List<SearchHit>> HitsAsync(NewsDbContext db, ArticleSearch search, int skip, int take, CancellationToken cancellationToken)
    {
        var (where, parameters) = ArticleSearchSql.Where(search, search.Query.ToContains());
        var skipAt = parameters.Count;
        parameters.Add(skip);
        parameters.Add(take);
        return await db.Database.SqlQueryRaw<SearchHit>(RankedSql(where, skipAt), [.. parameters]).ToListAsync(cancellationToken);
    }

    public Task<Dictionary<int, string>> IndexedBodiesAsync(NewsDbContext db, IReadOnlyList<int> ids, CancellationToken cancellationToken) =>
        ArticleSearchSql.IndexedBodiesAsync(db, "ArticleId", ids, cancellationToken);

    /// <summary>
    /// Words through the article index (headline, standfirst, body text, tags, section, byline; drafts too); an address
    /// by its start (LIKE 'x%' uses the Slug index), so a pasted slug finds its article. The page's ids are read along
    /// the (Status,) ListedAt index.
    /// </summary>
    public async Task<SearchPage> NewsroomPageAsync(
        NewsDbContext db, ArticleStatus? status, SearchQuery text, string? slugPrefix, int page, int pageSize, CancellationToken cancellationToken)
    {
        var articles = db.Articles.AsNoTracking();
        if (status is { } s)
        {
            articles = articles.Where(a => a.Status == s);
        }

        var matches = db.Database.SqlQueryRaw<int>(
            "SELECT ArticleId AS Value FROM ArticleSearch WHERE CONTAINS((Headline, Standfirst, Body, Tags, Section, Byline), {0})", text.ToContains());
        var start = $"{Like.Escape(slugPrefix ?? string.Empty)}%";
        articles = (text.IsEmpty, slugPrefix is null) switch
        {
            (true, true) => articles.Where(a => false),
            (false, true) => articles.Where(a => matches.Contains(a.Id)),
            (true, false) => articles.Where(a => EF.Functions.Like(a.Slug, start, "\\")),
            _ => articles.Where(a => matches.Contains(a.Id) || EF.Functions.Like(a.Slug, start, "\\")),
        };
        var counted = await articles.OrderBy(a => a.Id).Select(a => a.Id).Take(Paging.SearchCountLimit + 1).CountAsync(cancellationToken);
        var (total, kind, shown) = Paging.Bounded(counted, page, pageSize);
        var ids = await articles
            .OrderByDescending(a => a.ListedAt).ThenByDescending(a => a.Id)
            .Select(a => a.Id)
            .Skip((shown - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new(total, kind, shown, ids);
    }

    public async Task<List<int>> CommentQueuePageAsync(
        NewsDbContext db, SearchQuery query, CommentStatus status, int? articleId, bool oldestFirst, int skip, int take, CancellationToken cancellationToken)
    {
        var paged = $"{CommentQueueSql(articleId)} ORDER BY c.Id {(oldestFirst ? "ASC" : "DESC")} OFFSET {{4}} ROWS FETCH NEXT {{5}} ROWS ONLY";
        return await db.Database.SqlQueryRaw<int>(paged, [.. Arguments(query, status, articleId), skip, take]).ToListAsync(cancellationToken);
    }

    public async Task<int> CommentQueueCountUpToAsync(
        NewsDbContext db, SearchQuery query, CommentStatus status, int? articleId, int limit, CancellationToken cancellationToken)
    {
        var sql = $"SELECT COUNT(*) AS Value FROM (SELECT TOP ({{4}}) m.Value FROM ({CommentQueueSql(articleId)}) AS m) AS m";
        return (await db.Database.SqlQueryRaw<int>(sql, [.. Arguments(query, status, articleId), limit + 1]).ToListAsync(cancellationToken))[0];
    }

    public static string RankedSql(string where, int skipAt) =>
        "SELECT r.Id, r.Score, COUNT(*) OVER () AS Total FROM (" +
        "SELECT m.Id, m.Relevance * (1.0 + 1.0 / (1.0 + (CASE WHEN m.PublishedAt < {1} THEN DATEDIFF(hour, m.PublishedAt, {1}) ELSE 0 END) / 720.0)) AS Score FROM (" +
        $"SELECT TOP ({ArticleSearch.MaxRanked}) a.Id, CAST(ft.[RANK] + 2 * ISNULL(h.[RANK], 0) AS float) AS Relevance, a.PublishedAt " +
        "FROM CONTAINSTABLE(ArticleSearch, (Headline, Standfirst, Body, Tags, Section, Byline), {0}) AS ft " +
        "INNER JOIN Articles AS a ON a.Id = ft.[KEY] " +
        "LEFT JOIN CONTAINSTABLE(ArticleSearch, Headline, {0}) AS h ON h.[KEY] = ft.[KEY] " +
        $"WHERE {where} ORDER BY a.Id DESC) AS m) AS r " +
        $"ORDER BY r.Score DESC, r.Id DESC OFFSET {{{skipAt}}} ROWS FETCH NEXT {{{skipAt + 1}}} ROWS ONLY";

    private static string CommentQueueSql(int? articleId) =>
        "SELECT c.Id AS Value FROM Comments AS c WHERE c.Status = {2}" + (articleId is null ? string.Empty : " AND c.ArticleId = {3}") +
        " AND c.Id IN (SELECT CommentId FROM CommentSearch WHERE CONTAINS(Body, {0}) " +
        "UNION ALL SELECT CommentId FROM CommentAuthorSearch WHERE CONTAINS((Name, Email, Ip), {1}))";

    private static object[] Arguments(SearchQuery query, CommentStatus status, int? articleId) =>
        [query.ToContains(), query.ToContainsWho(), (int)status, articleId ?? 0];
}
