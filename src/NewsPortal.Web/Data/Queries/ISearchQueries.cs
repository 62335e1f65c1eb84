namespace NewsPortal.Web.Data.Queries;

/// <summary>
/// The questions the site asks of the full-text indexes (FTS5 tables on SQLite, full-text catalogs on SQL Server),
/// one implementation per provider (<c>Data/Queries/Sqlite</c>, <c>Data/Queries/SqlServer</c>), chosen at start from
/// <c>Database:Provider</c>. The features ask; only these classes know the provider's SQL.
/// </summary>
public interface ISearchQueries
{
    /// <summary>
    /// The reader search: the newest <see cref="ArticleSearch.MaxRanked"/> visible matches (the filters applied inside,
    /// so a section or a date range reaches back as far as it needs), ranked, the page from <paramref name="skip"/>,
    /// with the number ranked (also when the page is past the end).
    /// </summary>
    Task<RankedPage> RankedAsync(NewsDbContext db, ArticleSearch search, int skip, int take, CancellationToken cancellationToken);

    /// <summary>How many visible articles match, up to <see cref="ArticleSearch.MaxRanked"/> (for suggestions).</summary>
    Task<int> CountUpToCapAsync(NewsDbContext db, ArticleSearch search, CancellationToken cancellationToken);

    /// <summary>The body text the index holds (markup already removed), for the snippets of one page.</summary>
    Task<Dictionary<int, string>> IndexedBodiesAsync(NewsDbContext db, IReadOnlyList<int> ids, CancellationToken cancellationToken);

    /// <summary>
    /// The newsroom's list searched (drafts too): articles whose indexed text matches <paramref name="text"/> or whose
    /// slug starts with <paramref name="slugPrefix"/>, of one status or all, counted up to
    /// <see cref="Features.Shared.Paging.SearchCountLimit"/> + 1, and one page of their ids by ListedAt, newest first.
    /// </summary>
    Task<SearchPage> NewsroomPageAsync(
        NewsDbContext db, ArticleStatus? status, SearchQuery text, string? slugPrefix, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// A moderator's search: comments of one status (and perhaps one article) whose text matches, or whose writer's
    /// name, e-mail address or IP address holds the query's words in order (<see cref="SearchQuery.WhoPhrase"/>), by
    /// arrival (id), newest or oldest first; the matches from <paramref name="skip"/> on, at most <paramref name="take"/>.
    /// </summary>
    Task<List<int>> CommentQueuePageAsync(
        NewsDbContext db, SearchQuery query, CommentStatus status, int? articleId, bool oldestFirst, int skip, int take, CancellationToken cancellationToken);

    /// <summary>How many comments <see cref="CommentQueuePageAsync"/> finds, counted no further than <paramref name="limit"/> + 1.</summary>
    Task<int> CommentQueueCountUpToAsync(
        NewsDbContext db, SearchQuery query, CommentStatus status, int? articleId, int limit, CancellationToken cancellationToken);
}

/// <summary>A reader's search: the parsed words and the filters, at <paramref name="Now"/> (what is visible then).</summary>
public sealed record ArticleSearch(SearchQuery Query, DateTime Now, int? SectionId, DateTime? FromUtc, DateTime? ToUtc)
{
    /// <summary>
    /// At most this many matches are ranked: the newest ones, found by walking the index from its newest end.
    /// A word in most of a ten-year archive ("council") would otherwise make every search rank (and read) tens of
    /// thousands of rows; with the cap the cost of a search no longer grows with the archive. Measured on 20,000
    /// generated articles (warm cache, SQLite shell), "council budget" ranks 1,000 newest matches in 22 ms, 300 in
    /// 11 ms, 200 in 4 ms; bm25 and the visibility check cost per ranked row. Words rarer than this are ranked over
    /// the whole archive. Readers are told when the cap applied and can narrow by section or dates to reach further back.
    /// </summary>
    public const int MaxRanked = 200;
}

/// <summary>A row of the ranking query.</summary>
public sealed class SearchHit
{
    public int Id { get; init; }
    public double Score { get; init; }
    public int Total { get; init; }
}

/// <summary>One page of ranked hits and how many were ranked in all.</summary>
public sealed record RankedPage(List<SearchHit> Hits, int Total);

/// <summary>One page of a search's ids, with the total as counted and the page actually shown (a page past the end shows the last).</summary>
public sealed record SearchPage(int Total, Features.Shared.TotalKind Kind, int Page, List<int> Ids);

/// <summary>An article's indexed body text.</summary>
internal sealed class IndexedText
{
    public int Id { get; init; }
    public string Body { get; init; } = string.Empty;
}
