using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.Search;

/// <summary>What a reader asked the search page for, as typed (nothing here is trusted).</summary>
public sealed record SearchRequest(string? Query, string? Section, string? From, string? To, int Page);

/// <summary>
/// Reader search over the full-text index (see <see cref="SearchIndexWriter"/>): headline, standfirst, body text,
/// tags, section and byline of visible articles, ranked by relevance with a boost for recency.
/// </summary>
public sealed class SearchService(
    SiteClock clock, ReaderSnapshot cache, SearchGate gate, IOptions<DatabaseOptions> database, SearchStatsRecorder stats, ISearchQueries queries)
{
    public const int PageSize = 10;

    /// <summary>At most this many matches are ranked (<see cref="ArticleSearch.MaxRanked"/>).</summary>
    public const int MaxRanked = ArticleSearch.MaxRanked;

    public const int MaxPage = MaxRanked / PageSize;

    /// <summary>
    /// How long a page of results is kept on SQL Server. Its full-text index is filled by a background crawl after
    /// the commit (CHANGE_TRACKING AUTO), so a search straight after a change may not find it yet although the
    /// cache's version has moved; kept for minutes, that answer would outlive the crawl by minutes. On SQLite the index
    /// is written in the change's own transaction and results live as long as any cached data.
    /// </summary>
    public static readonly TimeSpan ResultLifetimeOnSqlServer = TimeSpan.FromSeconds(5);

    private readonly TimeSpan? _resultLifetime = ResultLifetime(database.Value.Provider);

    /// <summary>How long a page of results is kept: null is the reader cache's own data lifetime.</summary>
    internal static TimeSpan? ResultLifetime(DatabaseProvider provider) =>
        provider == DatabaseProvider.SqlServer ? ResultLifetimeOnSqlServer : null;

    public async Task<SearchViewModel> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var normalized = Normalize(request.Query);
        var query = SearchQuery.Parse(normalized);
        // The same cached list the section navigation reads, not a query per search.
        var sections = await cache.GetOrLoadAsync(
            "search-sections",
            ReaderChange.Articles,
            async (db, ct) => (IReadOnlyList<SectionChoice>)await db.Categories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Name)
                .Select(c => new SectionChoice(c.Id, c.Name, c.Slug)).ToListAsync(ct),
            cancellationToken);
        var messages = new List<string>();
        var filter = ReadFilter(request, sections, messages);
        var model = new SearchViewModel
        {
            Query = normalized,
            Searched = query.Display,
            Section = filter.Section?.Slug,
            From = filter.FromText,
            To = filter.ToText,
            Sections = sections,
            Messages = messages,
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
        var now = clock.UtcNow;
        SearchFound found;
        Infrastructure.Telemetry.SiteMetrics.SearchRequested();
        var started = Stopwatch.GetTimestamp();
        try
        {
            found = await cache.GetOrLoadAsync(
                key,
                ReaderChange.Comments,
                async (db, ct) =>
                {
                    using var turn = await gate.EnterAsync(ct);
                    return await FindAsync(db, new ArticleSearch(query, now, filter.Section?.Id, filter.FromUtc, filter.ToUtc), page, ct);
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
            stats.Record(query, found.Results.TotalCount > 0);
        }

        return model with { Results = found.Results, IsCapped = found.IsCapped, Suggestions = found.Suggestions };
    }

    private async Task<SearchFound> FindAsync(NewsDbContext db, ArticleSearch search, int page, CancellationToken cancellationToken)
    {
        var (hits, total) = await queries.RankedAsync(db, search, (page - 1) * PageSize, PageSize, cancellationToken);
        var results = await ResultsAsync(db, search.Query, hits, cancellationToken);
        var suggestions = total == 0 ? await SuggestionsAsync(db, search, cancellationToken) : [];
        return new SearchFound(new PagedList<SearchResult>(results, page, PageSize, total), total >= MaxRanked, suggestions);
    }

    internal static string Normalize(string? query)
    {
        var trimmed = (query ?? string.Empty).Trim();
        return trimmed.Length > FieldLengths.SearchQuery ? trimmed[..FieldLengths.SearchQuery] : trimmed;
    }

    private async Task<List<SearchResult>> ResultsAsync(NewsDbContext db, SearchQuery query, List<SearchHit> hits, CancellationToken cancellationToken)
    {
        if (hits.Count == 0)
        {
            return [];
        }

        var ids = hits.Select(h => h.Id).ToList();
        var summaries = (await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).SelectSummaries().ToListAsync(cancellationToken))
            .ToDictionary(s => s.Id);
        await ResponsiveImages.AttachAsync(db, summaries.Values, cancellationToken);
        var texts = await queries.IndexedBodiesAsync(db, ids, cancellationToken);
        var terms = query.Terms.Select(t => (t.Words, t.IsPrefix)).ToList();
        return ids.Where(summaries.ContainsKey).Select(id => new SearchResult(
            summaries[id],
            SearchText.Highlight(summaries[id].Headline, terms),
            SearchText.Snippet(texts.GetValueOrDefault(id, summaries[id].Standfirst), terms))).ToList();
    }

    /// <summary>Shorter or looser versions of a query that found nothing, with how many articles each finds.</summary>
    private async Task<List<SearchSuggestion>> SuggestionsAsync(NewsDbContext db, ArticleSearch search, CancellationToken cancellationToken)
    {
        var found = new List<SearchSuggestion>();
        foreach (var text in search.Query.Suggestions())
        {
            var count = await queries.CountUpToCapAsync(db, search with { Query = SearchQuery.Parse(text) }, cancellationToken);
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
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), clock.TimeZone);

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
