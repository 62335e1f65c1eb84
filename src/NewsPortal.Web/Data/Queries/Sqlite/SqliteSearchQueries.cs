using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Data.Queries.Sqlite;

/// <summary>The full-text questions on SQLite's FTS5 tables (<c>ArticleSearch</c>, <c>CommentSearch</c>, <c>CommentAuthorSearch</c>).</summary>
public sealed class SqliteSearchQueries : ISearchQueries
{
    /// <summary>
    /// The candidates are read newest first straight from the index (FTS5 walks a word's list from its newest end and
    /// stops at <see cref="ArticleSearch.MaxRanked"/>), with their short indexed columns, and ranked here by where each
    /// term occurs. bm25 is not used: it reads every row that contains a term to weigh that term (a word in most of the
    /// archive, or a phrase, cost 5–30 ms a search on 100,000 articles). Nor are column-filtered MATCH queries: one per
    /// term and column over the candidates' stretch of the index cost 20 ms for a two-word phrase on that archive
    /// (sqlite3 shell), as each re-reads the positions of both words in every article of the stretch. The short columns
    /// are read with the candidates from their sources, not from the index's copy: the headline and standfirst from
    /// <c>IX_Articles_SearchRanking</c>, which also answers visibility, section and dates, the section's and author's
    /// names by key, the tags from <c>ArticleTag</c>. The index's copy and the article's row both keep the long body
    /// before them, so reading them there pulled in the body's overflow pages: on the Zipf archive (100,000 articles)
    /// that took the ranking query from 1.8 to 1.0 ms of CPU on average over 500 one-word queries (docs/performance.md).
    /// <see cref="SearchText.Finds"/> compares words as the highlighting does, so a term counts in a column exactly when
    /// it is highlighted there. Each term scores 1 for matching at all, plus 10 in the headline, 5
    /// in the tags, 4 in the standfirst and 3 in the section or byline. Recency multiplies relevance by
    /// 1 + 1/(1 + age in days/30): today's article by 2, a month-old one by 1.5, a year-old one by 1.08.
    /// </summary>
    public async Task<RankedPage> RankedAsync(NewsDbContext db, ArticleSearch search, int skip, int take, CancellationToken cancellationToken)
    {
        var (where, parameters) = ArticleSearchSql.Where(search, search.Query.ToFts5());
        var candidates = await db.Database.SqlQueryRaw<RankingCandidate>(RankingCandidatesSql(where), [.. parameters]).ToListAsync(cancellationToken);
        var query = search.Query;
        var terms = SearchText.FoldTerms([.. query.Terms.Select(t => (t.Words, t.IsPrefix))]);
        var now = search.Now;
        var ranked = candidates
            .Select(c => (c.Id, Score: (query.Terms.Count + terms.Sum(t => ColumnWeight(c, t.Words, t.IsPrefix))) * (1.0 + (1.0 / (1.0 + (Math.Max(0, (now - c.PublishedAt).TotalDays) / 30.0))))))
            .OrderByDescending(c => c.Score).ThenByDescending(c => c.Id)
            .ToList();
        return new(ranked.Skip(skip).Take(take).Select(h => new SearchHit { Id = h.Id, Score = h.Score, Total = ranked.Count }).ToList(), ranked.Count);
    }

    public async Task<int> CountUpToCapAsync(NewsDbContext db, ArticleSearch search, CancellationToken cancellationToken)
    {
        var (where, parameters) = ArticleSearchSql.Where(search, search.Query.ToFts5());
        var sql = "SELECT COUNT(*) AS Value FROM (" + CandidatesSql(where) + ")";
        return await db.Database.SqlQueryRaw<int>(sql, [.. parameters]).SingleAsync(cancellationToken);
    }

    public Task<Dictionary<int, string>> IndexedBodiesAsync(NewsDbContext db, IReadOnlyList<int> ids, CancellationToken cancellationToken) =>
        ArticleSearchSql.IndexedBodiesAsync(db, "rowid", ids, cancellationToken);

    /// <summary>
    /// In raw SQL because the plan matters: the matches are the article index's hits plus articles whose slug starts
    /// with the query (a range on the unique Slug index; SQLite's LIKE ignores case and cannot use it). They are counted
    /// up to <see cref="Paging.SearchCountLimit"/> + 1. Up to that many, the page is those rows sorted by ListedAt; past
    /// it ("river" matches a third of the archive) the (Status,) ListedAt index is walked in order and each article
    /// checked against the matches, which stops after a page (the <c>+</c> keeps SQLite from looking the matches up one
    /// by one and sorting them all).
    /// </summary>
    public async Task<SearchPage> NewsroomPageAsync(
        NewsDbContext db, ArticleStatus? status, SearchQuery text, string? slugPrefix, int page, int pageSize, CancellationToken cancellationToken)
    {
        if (text.IsEmpty && slugPrefix is null)
        {
            return new(0, TotalKind.Exact, 1, []);
        }

        var matches = NewsroomMatchesSql(!text.IsEmpty, slugPrefix is not null);
        object[] arguments = [text.IsEmpty ? string.Empty : text.ToFts5(), slugPrefix ?? string.Empty, (slugPrefix ?? string.Empty) + char.MaxValue, (int)(status ?? 0)];
        var counted = await db.Database.SqlQueryRaw<int>(NewsroomCountSql(matches, status is not null), [.. arguments, Paging.SearchCountLimit + 1])
            .ToListAsync(cancellationToken);
        var (total, kind, shown) = Paging.Bounded(counted[0], page, pageSize);
        if (total == 0)
        {
            return new(0, kind, shown, []);
        }

        var pageSql = NewsroomPageSql(matches, status is not null, walkListedAt: kind == TotalKind.AtLeast);
        var ids = await db.Database.SqlQueryRaw<int>(pageSql, [.. arguments, pageSize, (shown - 1) * pageSize]).ToListAsync(cancellationToken);
        return new(total, kind, shown, ids);
    }

    /// <summary>
    /// Each index is read in id order with each hit's status checked by key, and the two runs merged here, so a page
    /// reads about <paramref name="skip"/> + <paramref name="take"/> index rows, never every comment of the status; for
    /// one article its comments are read and each looked up in the indexes.
    /// </summary>
    public async Task<List<int>> CommentQueuePageAsync(
        NewsDbContext db, SearchQuery query, CommentStatus status, int? articleId, bool oldestFirst, int skip, int take, CancellationToken cancellationToken)
    {
        var order = oldestFirst ? "ASC" : "DESC";
        var limit = skip + take;
        var text = await db.Database.SqlQueryRaw<int>(CommentQueueSql("CommentSearch", articleId, order), query.ToFts5(), (int)status, limit, articleId ?? 0)
            .ToListAsync(cancellationToken);
        var who = await db.Database.SqlQueryRaw<int>(CommentQueueSql("CommentAuthorSearch", articleId, order), query.ToFts5Who(), (int)status, limit, articleId ?? 0)
            .ToListAsync(cancellationToken);
        var merged = text.Union(who);
        return [.. (oldestFirst ? merged.Order() : merged.OrderDescending()).Skip(skip).Take(take)];
    }

    /// <summary>The union of each index's first <paramref name="limit"/> + 1 hits, counted.</summary>
    public async Task<int> CommentQueueCountUpToAsync(
        NewsDbContext db, SearchQuery query, CommentStatus status, int? articleId, int limit, CancellationToken cancellationToken)
    {
        var sql = $"SELECT COUNT(*) AS Value FROM (SELECT Value FROM ({CommentQueueSql("CommentSearch", articleId, "DESC")}) " +
                  $"UNION SELECT Value FROM ({CommentQueueSql("CommentAuthorSearch", articleId, "DESC", first: 4)}))";
        object[] arguments = [query.ToFts5(), (int)status, limit + 1, articleId ?? 0, query.ToFts5Who(), (int)status, limit + 1, articleId ?? 0];
        return (await db.Database.SqlQueryRaw<int>(sql, arguments).ToListAsync(cancellationToken))[0];
    }

    /// <summary>
    /// CROSS JOIN is SQLite's way to fix the join order: the index is read first, newest match first, and each match's
    /// article looked up by key. Left to itself the planner may start from the articles of a section (an index on
    /// CategoryId) and ask the index about each of them, which on 100,000 articles took seconds per search.
    /// </summary>
    public static string CandidatesSql(string where) => CandidatesSql("a.Id, a.PublishedAt", where);

    /// <summary>
    /// The same candidates with the columns that weigh in ranking (not the body), as the index holds them: tags in
    /// one space-separated text, the section's and the author's names.
    /// </summary>
    public static string RankingCandidatesSql(string where) =>
        "SELECT k.Id, k.PublishedAt, k.Headline, k.Standfirst, c.Name AS Section, u.Name AS Byline, " +
        "(SELECT group_concat(t.Name, ' ') FROM ArticleTag AS x INNER JOIN Tags AS t ON t.Id = x.TagId WHERE x.ArticleId = k.Id) AS Tags " +
        $"FROM ({CandidatesSql("a.Id, a.PublishedAt, a.Headline, a.Standfirst, a.CategoryId, a.AuthorId", where)}) AS k " +
        "INNER JOIN Categories AS c ON c.Id = k.CategoryId INNER JOIN Authors AS u ON u.Id = k.AuthorId";

    /// <summary>The ids that match: {0} the FTS5 expression, {1} and {2} the slug range (the prefix and the prefix + U+FFFF).</summary>
    public static string NewsroomMatchesSql(bool text, bool slug) => string.Join(" UNION ", new[]
    {
        text ? "SELECT rowid AS Id FROM ArticleSearch WHERE ArticleSearch MATCH {0}" : null,
        slug ? "SELECT Id FROM Articles WHERE Slug >= {1} AND Slug < {2}" : null,
    }.OfType<string>());

    /// <summary>
    /// The matches counted up to {4}; with a status ({3}), each match's status is read from IX_Articles_Status
    /// (SQLite would otherwise read the article's row).
    /// </summary>
    public static string NewsroomCountSql(string matches, bool status) => status
        ? $"SELECT COUNT(*) AS Value FROM (SELECT 1 FROM ({matches}) AS m CROSS JOIN Articles AS a INDEXED BY IX_Articles_Status ON a.Id = m.Id " +
          "WHERE a.Status = {3} LIMIT {4})"
        : $"SELECT COUNT(*) AS Value FROM (SELECT 1 FROM ({matches}) LIMIT {{4}})";

    /// <summary>
    /// One page ({4} rows from {5}) by ListedAt. With <paramref name="walkListedAt"/> (more matches than are counted)
    /// the <c>+</c> keeps SQLite from driving the query from the matches: it walks the ListedAt index and stops after a page.
    /// </summary>
    public static string NewsroomPageSql(string matches, bool status, bool walkListedAt) =>
        $"SELECT a.Id AS Value FROM Articles AS a WHERE {(status ? "a.Status = {3} AND " : string.Empty)}{(walkListedAt ? "+a.Id" : "a.Id")} IN ({matches}) " +
        "ORDER BY a.ListedAt DESC, a.Id DESC LIMIT {4} OFFSET {5}";

    /// <summary>
    /// One index's hits of one status, in id order, at most a limit: the index drives the query (CROSS JOIN keeps it
    /// outermost) and FTS5 streams its hits in rowid order; each hit's status is checked in IX_Comments_Status (a
    /// few small pages), which SQLite's planner would not pick over the table's key by itself (a row's page per hit:
    /// 2-3x the time on 1,000,000 comments). Parameters from <paramref name="first"/>: the FTS5 expression, the
    /// status, the limit, the article.
    /// </summary>
    public static string CommentQueueSql(string index, int? articleId, string order, int first = 0)
    {
        string P(int i) => "{" + (first + i).ToString(CultureInfo.InvariantCulture) + "}";
        return articleId is null
            ? $"SELECT c.Id AS Value FROM {index} AS s CROSS JOIN Comments AS c INDEXED BY IX_Comments_Status ON c.Id = s.rowid " +
              $"WHERE {index} MATCH {P(0)} AND c.Status = {P(1)} ORDER BY s.rowid {order} LIMIT {P(2)}"
            : $"SELECT c.Id AS Value FROM Comments AS c WHERE c.ArticleId = {P(3)} AND c.Status = {P(1)} " +
              $"AND EXISTS (SELECT 1 FROM {index} WHERE {index} MATCH {P(0)} AND {index}.rowid = c.Id) ORDER BY c.Id {order} LIMIT {P(2)}";
    }

    private static string CandidatesSql(string columns, string where) =>
        $"SELECT {columns} FROM ArticleSearch CROSS JOIN Articles AS a INDEXED BY IX_Articles_SearchRanking ON a.Id = ArticleSearch.rowid " +
        $"WHERE ArticleSearch MATCH {{0}} AND {where} ORDER BY ArticleSearch.rowid DESC LIMIT {ArticleSearch.MaxRanked}";

    /// <summary>What one term adds for the weighted columns it is found in.</summary>
    private static double ColumnWeight(RankingCandidate candidate, string[] words, bool isPrefix) =>
        (SearchText.Finds(candidate.Headline, words, isPrefix) ? 10 : 0)
        + (SearchText.Finds(candidate.Tags, words, isPrefix) ? 5 : 0)
        + (SearchText.Finds(candidate.Standfirst, words, isPrefix) ? 4 : 0)
        + (SearchText.Finds(candidate.Section, words, isPrefix) ? 3 : 0)
        + (SearchText.Finds(candidate.Byline, words, isPrefix) ? 3 : 0);

    /// <summary>A visible article that matches, with the indexed columns that weigh in its rank.</summary>
    internal sealed record RankingCandidate(
        int Id, DateTime PublishedAt, string? Headline, string? Tags, string? Standfirst, string? Section, string? Byline);
}
