using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.Shared;
using NewsPortal.Web.Infrastructure.Caching;
using NewsPortal.Web.Infrastructure.Database;
using NewsPortal.Web.Infrastructure.Search;
using NewsPortal.Web.Infrastructure.Site;

namespace NewsPortal.Web.Features.Search;

/// <summary>What a reader asked the search page for, as typed (nothing here is trusted).</summary>
public sealed record SearchRequest(string? Query, string? Section, string? From, string? To, int Page);

/// <summary>
/// Reader search over the full-text index (see <see cref="SearchIndexWriter"/>): headline, standfirst, body text,
/// tags, section and byline of visible articles, ranked by relevance with a boost for recency.
/// </summary>
public sealed class SearchService
{
    public const int PageSize = 10;

    /// <summary>
    /// At most this many matches are ranked: the newest ones, found by walking the index from its newest end.
    /// A word in most of a ten-year archive ("council") would otherwise make every search rank (and read) tens of
    /// thousands of rows; with the cap the cost of a search no longer grows with the archive. Measured on 20,000
    /// generated articles (warm cache, SQLite shell), "council budget" ranks 1,000 newest matches in 22 ms, 300 in
    /// 11 ms, 200 in 4 ms; bm25 and the visibility check cost per ranked row. Words rarer than this are ranked over
    /// the whole archive. Readers are told when the cap applied and can narrow by section or dates to reach further back.
    /// </summary>
    public const int MaxRanked = 200;

    public const int MaxPage = MaxRanked / PageSize;

    /// <summary>
    /// How long a page of results is kept on SQL Server. Its full-text index is filled by a background crawl after
    /// the commit (CHANGE_TRACKING AUTO), so a search straight after a change may not find it yet although the
    /// cache's version has moved; kept for minutes, that answer would outlive the crawl by minutes. On SQLite the index
    /// is written in the change's own transaction and results live as long as any cached data.
    /// </summary>
    public static readonly TimeSpan ResultLifetimeOnSqlServer = TimeSpan.FromSeconds(5);

    private readonly SiteClock _clock;
    private readonly ReaderSnapshot _cache;
    private readonly SearchGate _gate;
    private readonly TimeSpan? _resultLifetime;
    private readonly SearchStatsRecorder _stats;

    public SearchService(SiteClock clock, ReaderSnapshot cache, SearchGate gate, IOptions<DatabaseOptions> database, SearchStatsRecorder stats)
    {
        _stats = stats;
        _cache = cache;
        _clock = clock;
        _gate = gate;
        _resultLifetime = ResultLifetime(database.Value.Provider);
    }

    /// <summary>How long a page of results is kept: null is the reader cache's own data lifetime.</summary>
    internal static TimeSpan? ResultLifetime(DatabaseProvider provider) =>
        provider == DatabaseProvider.SqlServer ? ResultLifetimeOnSqlServer : null;

    public async Task<SearchViewModel> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var normalized = Normalize(request.Query);
        var query = SearchQuery.Parse(normalized);
        // The same cached list the section navigation reads, not a query per search.
        var sections = await _cache.GetOrLoadAsync(
            "search-sections",
            ReaderChange.Articles,
            async (db, ct) => (IReadOnlyList<SectionChoice>)await db.Categories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Name)
                .Select(c => new SectionChoice(c.Id, c.Name, c.Slug)).ToListAsync(ct),
            cancellationToken);
        var messages = new List<string>();
        var filter = ReadFilter(request, sections, messages);
        var model = new SearchViewModel
        {
            Query = normalized, Searched = query.Display, Section = filter.Section?.Slug, From = filter.FromText, To = filter.ToText,
            Sections = sections, Messages = messages,
        };
        if (query.IsEmpty)
        {
            if (normalized.Length > 0)
            {
                messages.Add("Search for words: letters or numbers. Punctuation and symbols on their own are not searched for.");
            }

            return model;
        }

        var page = Math.Clamp(request.Page, 1, MaxPage);
        var key = string.Create(
            CultureInfo.InvariantCulture, $"search:{query.Display}\n{filter.Section?.Id}\n{filter.FromText}\n{filter.ToText}\n{page}");
        var now = _clock.UtcNow;
        SearchFound found;
        Infrastructure.Telemetry.SiteMetrics.SearchRequested();
        var started = Stopwatch.GetTimestamp();
        try
        {
            found = await _cache.GetOrLoadAsync(
                key,
                ReaderChange.Comments,
                async (db, ct) =>
                {
                    using var turn = await _gate.EnterAsync(ct);
                    return await FindAsync(db, now, query, filter, page, ct);
                },
                cancellationToken,
                SearchFound.EstimatedBytes,
                CacheItemPriority.Low,
                _resultLifetime);
        }
        catch (SearchBusyException)
        {
            Infrastructure.Telemetry.SiteMetrics.SearchAnswered("busy", Stopwatch.GetElapsedTime(started));
            messages.Add("So many searches are running that yours could not start. Please try again in a few seconds.");
            return model with { IsBusy = true };
        }

        Infrastructure.Telemetry.SiteMetrics.SearchAnswered(found.Results.TotalCount > 0 ? "results" : "none", Stopwatch.GetElapsedTime(started));
        if (page == 1 && filter.Section is null && filter.FromText is null && filter.ToText is null)
        {
            // One search counted once: later pages, and the same words narrowed by section or date, are the same search.
            _stats.Record(query, found.Results.TotalCount > 0);
        }

        return model with { Results = found.Results, IsCapped = found.IsCapped, Suggestions = found.Suggestions };
    }

    private static async Task<SearchFound> FindAsync(
        NewsDbContext db, DateTime now, SearchQuery query, SearchFilter filter, int page, CancellationToken cancellationToken)
    {
        var hits = await HitsAsync(db, now, query, filter, (page - 1) * PageSize, PageSize, cancellationToken);
        var total = hits.Count > 0 ? hits[0].Total
            : page > 1 ? (await HitsAsync(db, now, query, filter, 0, 1, cancellationToken)).FirstOrDefault()?.Total ?? 0
            : 0;
        var results = await ResultsAsync(db, query, hits, cancellationToken);
        var suggestions = total == 0 ? await SuggestionsAsync(db, now, query, filter, cancellationToken) : [];
        return new SearchFound(new PagedList<SearchResult>(results, page, PageSize, total), total >= MaxRanked, suggestions);
    }

    internal static string Normalize(string? query)
    {
        var trimmed = (query ?? string.Empty).Trim();
        return trimmed.Length > FieldLengths.SearchQuery ? trimmed[..FieldLengths.SearchQuery] : trimmed;
    }

    /// <summary>Makes %, _ and [ literal; [ is a wildcard class on SQL Server.</summary>
    internal static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal);

    /// <summary>
    /// The newest <see cref="MaxRanked"/> visible matches (filters applied inside, so a section or date range reaches
    /// back as far as it needs), ranked, counted and paged. Recency multiplies relevance by 1 + 1/(1 + age in days/30):
    /// today's article by 2, a month-old one by 1.5, a year-old one by 1.08. A better match still wins (a headline hit
    /// outweighs body hits), while among similar matches the newer comes first, and old articles are never pushed out
    /// by age alone.
    /// </summary>
    private static async Task<List<SearchHit>> HitsAsync(NewsDbContext db, DateTime now, SearchQuery query, SearchFilter filter, int skip, int take, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            var (where, parameters) = Where(now, filter, query.ToContains());
            var skipAt = parameters.Count;
            parameters.Add(skip);
            parameters.Add(take);
            return await db.Database.SqlQueryRaw<SearchHit>(SqlServerSearchSql(where, skipAt), [.. parameters]).ToListAsync(cancellationToken);
        }

        var ranked = await RankedOnSqliteAsync(db, now, query, filter, cancellationToken);
        return ranked.Skip(skip).Take(take).Select(h => new SearchHit { Id = h.Id, Score = h.Score, Total = ranked.Count }).ToList();
    }

    /// <summary>How many visible articles match, up to <see cref="MaxRanked"/> (for suggestions).</summary>
    private static async Task<int> CountUpToCapAsync(NewsDbContext db, DateTime now, SearchQuery query, SearchFilter filter, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return (await HitsAsync(db, now, query, filter, 0, 1, cancellationToken)).FirstOrDefault()?.Total ?? 0;
        }

        var (where, parameters) = Where(now, filter, query.ToFts5());
        var sql = "SELECT COUNT(*) AS Value FROM (" + SqliteCandidatesSql(where) + ")";
        return await db.Database.SqlQueryRaw<int>(sql, [.. parameters])
            .SingleAsync(cancellationToken);
    }

    private static (string Where, List<object> Parameters) Where(DateTime now, SearchFilter filter, string match)
    {
        var parameters = new List<object> { match, now };
        var where = new StringBuilder("a.Status <> 0 AND a.PublishedAt <= {1}");
        if (filter.Section is { } section)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND a.CategoryId = {{{parameters.Count}}}");
            parameters.Add(section.Id);
        }

        if (filter.FromUtc is { } from)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND a.PublishedAt >= {{{parameters.Count}}}");
            parameters.Add(from);
        }

        if (filter.ToUtc is { } to)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND a.PublishedAt < {{{parameters.Count}}}");
            parameters.Add(to);
        }

        return (where.ToString(), parameters);
    }

    /// <summary>
    /// SQLite: the candidates are read newest first straight from the index (FTS5 walks a word's list from its newest
    /// end and stops at <see cref="MaxRanked"/>), with their short indexed columns, and ranked here by where each term
    /// occurs. bm25 is not used: it reads every row that contains a term to weigh that term (a word in most of the
    /// archive, or a phrase, cost 5–30 ms a search on 100,000 articles). Nor are column-filtered MATCH queries: one per
    /// term and column over the candidates' stretch of the index cost 20 ms for a two-word phrase on that archive (sqlite3
    /// shell), as each re-reads the positions of both words in every article of the stretch. Reading the short columns
    /// with the 200 candidates adds about a millisecond (0.8-1.1 ms on average over 400 of the benchmark's queries), and <see cref="SearchText.Finds"/> compares words as the highlighting does, so a
    /// term counts in a column exactly when it is highlighted there. Each term scores 1 for matching at all, plus 10
    /// in the headline, 5 in the tags, 4 in the standfirst and 3 in the section or byline.
    /// </summary>
    private static async Task<List<(int Id, double Score)>> RankedOnSqliteAsync(NewsDbContext db, DateTime now, SearchQuery query, SearchFilter filter, CancellationToken cancellationToken)
    {
        var (where, parameters) = Where(now, filter, query.ToFts5());
        var candidates = await db.Database.SqlQueryRaw<RankingCandidate>(SqliteRankingCandidatesSql(where), [.. parameters]).ToListAsync(cancellationToken);
        var terms = SearchText.FoldTerms([.. query.Terms.Select(t => (t.Words, t.IsPrefix))]);
        return candidates
            .Select(c => (c.Id, Score: (query.Terms.Count + terms.Sum(t => ColumnWeight(c, t.Words, t.IsPrefix))) * (1.0 + (1.0 / (1.0 + (Math.Max(0, (now - c.PublishedAt).TotalDays) / 30.0))))))
            .OrderByDescending(c => c.Score).ThenByDescending(c => c.Id)
            .ToList();
    }

    /// <summary>What one term adds for the weighted columns it is found in.</summary>
    private static double ColumnWeight(RankingCandidate candidate, string[] words, bool isPrefix) =>
        (SearchText.Finds(candidate.Headline, words, isPrefix) ? 10 : 0)
        + (SearchText.Finds(candidate.Tags, words, isPrefix) ? 5 : 0)
        + (SearchText.Finds(candidate.Standfirst, words, isPrefix) ? 4 : 0)
        + (SearchText.Finds(candidate.Section, words, isPrefix) ? 3 : 0)
        + (SearchText.Finds(candidate.Byline, words, isPrefix) ? 3 : 0);

    /// <summary>
    /// CROSS JOIN is SQLite's way to fix the join order: the index is read first, newest match first, and each match's
    /// article looked up by key. Left to itself the planner may start from the articles of a section (an index on
    /// CategoryId) and ask the index about each of them, which on 100,000 articles took seconds per search.
    /// </summary>
    internal static string SqliteCandidatesSql(string where) => SqliteCandidatesSql("a.Id, a.PublishedAt", where);

    /// <summary>The same candidates with the indexed columns that weigh in ranking (not the body).</summary>
    internal static string SqliteRankingCandidatesSql(string where) => SqliteCandidatesSql(
        "a.Id, a.PublishedAt, ArticleSearch.Headline, ArticleSearch.Tags, ArticleSearch.Standfirst, ArticleSearch.Section, ArticleSearch.Byline", where);

    private static string SqliteCandidatesSql(string columns, string where) =>
        $"SELECT {columns} FROM ArticleSearch CROSS JOIN Articles AS a ON a.Id = ArticleSearch.rowid " +
        $"WHERE ArticleSearch MATCH {{0}} AND {where} ORDER BY ArticleSearch.rowid DESC LIMIT {MaxRanked}";

    internal static string SqlServerSearchSql(string where, int skipAt) =>
        "SELECT r.Id, r.Score, COUNT(*) OVER () AS Total FROM (" +
        "SELECT m.Id, m.Relevance * (1.0 + 1.0 / (1.0 + (CASE WHEN m.PublishedAt < {1} THEN DATEDIFF(hour, m.PublishedAt, {1}) ELSE 0 END) / 720.0)) AS Score FROM (" +
        $"SELECT TOP ({MaxRanked}) a.Id, CAST(ft.[RANK] + 2 * ISNULL(h.[RANK], 0) AS float) AS Relevance, a.PublishedAt " +
        "FROM CONTAINSTABLE(ArticleSearch, (Headline, Standfirst, Body, Tags, Section, Byline), {0}) AS ft " +
        "INNER JOIN Articles AS a ON a.Id = ft.[KEY] " +
        "LEFT JOIN CONTAINSTABLE(ArticleSearch, Headline, {0}) AS h ON h.[KEY] = ft.[KEY] " +
        $"WHERE {where} ORDER BY a.Id DESC) AS m) AS r " +
        $"ORDER BY r.Score DESC, r.Id DESC OFFSET {{{skipAt}}} ROWS FETCH NEXT {{{skipAt + 1}}} ROWS ONLY";

    private static async Task<List<SearchResult>> ResultsAsync(NewsDbContext db, SearchQuery query, List<SearchHit> hits, CancellationToken cancellationToken)
    {
        if (hits.Count == 0)
        {
            return [];
        }

        var ids = hits.Select(h => h.Id).ToList();
        var summaries = (await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).SelectSummaries().ToListAsync(cancellationToken))
            .ToDictionary(s => s.Id);
        await ResponsiveImages.AttachAsync(db, summaries.Values, cancellationToken);
        var texts = await IndexedTextsAsync(db, ids, cancellationToken);
        var terms = query.Terms.Select(t => (t.Words, t.IsPrefix)).ToList();
        return ids.Where(summaries.ContainsKey).Select(id => new SearchResult(
            summaries[id],
            SearchText.Highlight(summaries[id].Headline, terms),
            SearchText.Snippet(texts.GetValueOrDefault(id, summaries[id].Standfirst), terms))).ToList();
    }

    /// <summary>The body text the index holds (markup already removed), for the snippets of one page.</summary>
    private static async Task<Dictionary<int, string>> IndexedTextsAsync(NewsDbContext db, List<int> ids, CancellationToken cancellationToken)
    {
        var key = db.Database.IsSqlite() ? "rowid" : "ArticleId";
        var placeholders = string.Join(", ", ids.Select((_, i) => "{" + i.ToString(CultureInfo.InvariantCulture) + "}"));
        var sql = $"SELECT {key} AS Id, Body FROM ArticleSearch WHERE {key} IN ({placeholders})";
        var rows = await db.Database.SqlQueryRaw<IndexedText>(sql, [.. ids.Cast<object>()])
            .ToListAsync(cancellationToken);
        return rows.DistinctBy(r => r.Id).ToDictionary(r => r.Id, r => r.Body);
    }

    /// <summary>Shorter or looser versions of a query that found nothing, with how many articles each finds.</summary>
    private static async Task<List<SearchSuggestion>> SuggestionsAsync(NewsDbContext db, DateTime now, SearchQuery query, SearchFilter filter, CancellationToken cancellationToken)
    {
        var found = new List<SearchSuggestion>();
        foreach (var text in query.Suggestions())
        {
            var count = await CountUpToCapAsync(db, now, SearchQuery.Parse(text), filter, cancellationToken);
            if (count > 0)
            {
                found.Add(new SearchSuggestion(text, count, count >= MaxRanked));
            }
        }

        return found;
    }

    private SearchFilter ReadFilter(SearchRequest request, IReadOnlyList<SectionChoice> sections, List<string> messages)
    {
        SectionChoice? section = null;
        if (!string.IsNullOrWhiteSpace(request.Section))
        {
            section = sections.FirstOrDefault(s => string.Equals(s.Slug, request.Section.Trim(), StringComparison.OrdinalIgnoreCase));
            if (section is null)
            {
                messages.Add("There is no such section, so all sections were searched.");
            }
        }

        var from = ReadDate(request.From, "from", messages);
        var to = ReadDate(request.To, "to", messages);
        if (from is { } f && to is { } t && f > t)
        {
            messages.Add("The “from” date is after the “to” date, so the dates were swapped.");
            (from, to) = (t, f);
        }

        return new SearchFilter(
            section,
            from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            from is { } start ? StartOfDayUtc(start) : null,
            to is { } end ? StartOfDayUtc(end.AddDays(1)) : null);
    }

    /// <summary>Dates are days in the site's time zone, as the dates on the site are shown.</summary>
    private DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), _clock.TimeZone);

    private static DateOnly? ReadDate(string? text, string name, List<string> messages)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 1900 and <= 9998)
        {
            return date;
        }

        messages.Add($"The “{name}” date was not understood (use a date like 2026-03-31), so it was left out.");
        return null;
    }

    private sealed record SearchFilter(SectionChoice? Section, string? FromText, string? ToText, DateTime? FromUtc, DateTime? ToUtc);
}

/// <summary>A row of the ranking query.</summary>
public sealed class SearchHit
{
    public int Id { get; init; }
    public double Score { get; init; }
    public int Total { get; init; }
}

/// <summary>
/// One page of results as the reader cache keeps it: under the versions of the data it was read from, so a story
/// published, edited or taken down is found or gone on the next search, and at low priority, which MemoryCache's
/// compaction removes first when the store is full.
/// </summary>
public sealed record SearchFound(PagedList<SearchResult> Results, bool IsCapped, IReadOnlyList<SearchSuggestion> Suggestions)
{
    /// <summary>Text is counted twice (UTF-16) plus a fixed cost per result; the snippets dominate.</summary>
    public static long EstimatedBytes(SearchFound found) =>
        1024 + found.Results.Items.Sum(r => 512 + (2L * (r.Article.Headline.Length + r.Article.Standfirst.Length
            + r.Snippet.Sum(s => s.Text.Length + 32) + r.Headline.Sum(s => s.Text.Length + 32))));
}

/// <summary>A visible article that matches, with the indexed columns that weigh in its rank.</summary>
public sealed class RankingCandidate
{
    public int Id { get; init; }
    public DateTime PublishedAt { get; init; }
    public string? Headline { get; init; }
    public string? Tags { get; init; }
    public string? Standfirst { get; init; }
    public string? Section { get; init; }
    public string? Byline { get; init; }
}

/// <summary>An article's indexed body text.</summary>
public sealed class IndexedText
{
    public int Id { get; init; }
    public string Body { get; init; } = string.Empty;
}
