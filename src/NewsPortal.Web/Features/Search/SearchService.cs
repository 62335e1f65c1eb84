using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.Shared;
using NewsPortal.Web.Infrastructure.Caching;
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

    private readonly NewsDbContext _db;
    private readonly SiteClock _clock;
    private readonly ReaderSnapshot _cache;

    public SearchService(NewsDbContext db, SiteClock clock, ReaderSnapshot cache)
    {
        _cache = cache;
        _db = db;
        _clock = clock;
    }

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
        var hits = await HitsAsync(query, filter, (page - 1) * PageSize, PageSize, cancellationToken);
        var total = hits.Count > 0 ? hits[0].Total
            : page > 1 ? (await HitsAsync(query, filter, 0, 1, cancellationToken)).FirstOrDefault()?.Total ?? 0
            : 0;
        var results = await ResultsAsync(query, hits, cancellationToken);
        var suggestions = total == 0 ? await SuggestionsAsync(query, filter, cancellationToken) : [];
        return model with
        {
            Results = new PagedList<SearchResult>(results, page, PageSize, total),
            IsCapped = total >= MaxRanked,
            Suggestions = suggestions,
        };
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
    /// One query per page: the newest <see cref="MaxRanked"/> visible matches (filters applied inside, so a section
    /// or date range reaches back as far as it needs), ranked, counted (window count) and paged.
    /// Relevance is bm25 on SQLite (headline weighted 10, tags 5, standfirst 4, section and byline 3, body 1) and
    /// CONTAINSTABLE's rank on SQL Server (all words in the headline add twice its rank). Recency multiplies it by
    /// 1 + 1/(1 + age in days/30): today's article by 2, a month-old one by 1.5, a year-old one by 1.08. A better
    /// match still wins (a headline hit outweighs many body hits), while among similar matches the newer comes first,
    /// and old articles are never pushed out by age alone.
    /// </summary>
    private Task<List<SearchHit>> HitsAsync(SearchQuery query, SearchFilter filter, int skip, int take, CancellationToken cancellationToken)
    {
        var sqlite = _db.Database.IsSqlite();
        var parameters = new List<object> { sqlite ? query.ToFts5() : query.ToContains(), _clock.UtcNow };
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

        var skipAt = parameters.Count;
        parameters.Add(skip);
        parameters.Add(take);
        var sql = sqlite ? SqliteSearchSql(where.ToString(), skipAt) : SqlServerSearchSql(where.ToString(), skipAt);
        return _db.Database.SqlQueryRaw<SearchHit>(sql, [.. parameters]).ToListAsync(cancellationToken);
    }

    internal static string SqliteSearchSql(string where, int skipAt) =>
        "SELECT r.Id, r.Score, COUNT(*) OVER () AS Total FROM (" +
        "SELECT m.Id, m.Relevance * (1.0 + 1.0 / (1.0 + max(0.0, julianday({1}) - julianday(m.PublishedAt)) / 30.0)) AS Score FROM (" +
        "SELECT a.Id, -bm25(ArticleSearch, 10.0, 4.0, 1.0, 5.0, 3.0, 3.0) AS Relevance, a.PublishedAt " +
        "FROM ArticleSearch INNER JOIN Articles AS a ON a.Id = ArticleSearch.rowid " +
        $"WHERE ArticleSearch MATCH {{0}} AND {where} ORDER BY ArticleSearch.rowid DESC LIMIT {MaxRanked}) AS m) AS r " +
        $"ORDER BY r.Score DESC, r.Id DESC LIMIT {{{skipAt + 1}}} OFFSET {{{skipAt}}}";

    internal static string SqlServerSearchSql(string where, int skipAt) =>
        "SELECT r.Id, r.Score, COUNT(*) OVER () AS Total FROM (" +
        "SELECT m.Id, m.Relevance * (1.0 + 1.0 / (1.0 + (CASE WHEN m.PublishedAt < {1} THEN DATEDIFF(hour, m.PublishedAt, {1}) ELSE 0 END) / 720.0)) AS Score FROM (" +
        $"SELECT TOP ({MaxRanked}) a.Id, CAST(ft.[RANK] + 2 * ISNULL(h.[RANK], 0) AS float) AS Relevance, a.PublishedAt " +
        "FROM CONTAINSTABLE(ArticleSearch, (Headline, Standfirst, Body, Tags, Section, Byline), {0}) AS ft " +
        "INNER JOIN Articles AS a ON a.Id = ft.[KEY] " +
        "LEFT JOIN CONTAINSTABLE(ArticleSearch, Headline, {0}) AS h ON h.[KEY] = ft.[KEY] " +
        $"WHERE {where} ORDER BY a.Id DESC) AS m) AS r " +
        $"ORDER BY r.Score DESC, r.Id DESC OFFSET {{{skipAt}}} ROWS FETCH NEXT {{{skipAt + 1}}} ROWS ONLY";

    private async Task<List<SearchResult>> ResultsAsync(SearchQuery query, List<SearchHit> hits, CancellationToken cancellationToken)
    {
        if (hits.Count == 0)
        {
            return [];
        }

        var ids = hits.Select(h => h.Id).ToList();
        var summaries = (await _db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).SelectSummaries().ToListAsync(cancellationToken))
            .ToDictionary(s => s.Id);
        var texts = await IndexedTextsAsync(ids, cancellationToken);
        var terms = query.Terms.Select(t => (t.Words, t.IsPrefix)).ToList();
        return ids.Where(summaries.ContainsKey).Select(id => new SearchResult(
            summaries[id],
            SearchText.Highlight(summaries[id].Headline, terms),
            SearchText.Snippet(texts.GetValueOrDefault(id, summaries[id].Standfirst), terms))).ToList();
    }

    /// <summary>The body text the index holds (markup already removed), for the snippets of one page.</summary>
    private async Task<Dictionary<int, string>> IndexedTextsAsync(List<int> ids, CancellationToken cancellationToken)
    {
        var key = _db.Database.IsSqlite() ? "rowid" : "ArticleId";
        var placeholders = string.Join(", ", ids.Select((_, i) => "{" + i.ToString(CultureInfo.InvariantCulture) + "}"));
        var sql = $"SELECT {key} AS Id, Body FROM ArticleSearch WHERE {key} IN ({placeholders})";
        var rows = await _db.Database.SqlQueryRaw<IndexedText>(sql, [.. ids.Cast<object>()])
            .ToListAsync(cancellationToken);
        return rows.DistinctBy(r => r.Id).ToDictionary(r => r.Id, r => r.Body);
    }

    /// <summary>Shorter or looser versions of a query that found nothing, with how many articles each finds.</summary>
    private async Task<List<SearchSuggestion>> SuggestionsAsync(SearchQuery query, SearchFilter filter, CancellationToken cancellationToken)
    {
        var found = new List<SearchSuggestion>();
        foreach (var text in query.Suggestions())
        {
            var hits = await HitsAsync(SearchQuery.Parse(text), filter, 0, 1, cancellationToken);
            if (hits.Count > 0)
            {
                found.Add(new SearchSuggestion(text, hits[0].Total, hits[0].Total >= MaxRanked));
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

/// <summary>An article's indexed body text.</summary>
public sealed class IndexedText
{
    public int Id { get; init; }
    public string Body { get; init; } = string.Empty;
}
