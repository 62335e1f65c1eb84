using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Search;
using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.AdminArticles;

/// <summary>The newsroom's list of articles: by status, searched by words or by the start of an address, paged.</summary>
public sealed class ArticleList
{
    public const int PageSize = 25;

    private readonly NewsDbContext _db;

    public ArticleList(NewsDbContext db) => _db = db;

    /// <summary>The query as the start of a slug (lower-case letters, digits and hyphens), or null when it cannot be one.</summary>
    internal static string? SlugPrefix(string query)
    {
        var lower = query.Trim().ToLowerInvariant();
        return lower.Length > 0 && lower.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') ? lower : null;
    }

    public async Task<ArticleListViewModel> ListAsync(ArticleStatus? status, string? search, int page, CancellationToken cancellationToken)
    {
        var articles = _db.Articles.AsNoTracking();
        if (status is { } s)
        {
            articles = articles.Where(a => a.Status == s);
        }

        var query = SearchService.Normalize(search);
        var kind = TotalKind.Exact;
        int total;
        List<int> ids;
        if (query.Length > 0 && _db.Database.IsSqlite())
        {
            (total, kind, page, ids) = await SqliteSearchPageAsync(status, SearchQuery.Parse(query), SlugPrefix(query), page, cancellationToken);
        }
        else
        {
            if (query.Length > 0)
            {
                // Words through the article index (headline, standfirst, body text, tags, section, byline; drafts too);
                // an address by its start (LIKE 'x%' uses the Slug index on SQL Server), so a pasted slug finds its article.
                var text = SearchQuery.Parse(query);
                var slug = SlugPrefix(query);
                var matches = IndexedSearch.MatchingArticles(_db, text);
                var start = $"{SearchService.EscapeLike(slug ?? string.Empty)}%";
                articles = (text.IsEmpty, slug is null) switch
                {
                    (true, true) => articles.Where(a => false),
                    (false, true) => articles.Where(a => matches.Contains(a.Id)),
                    (true, false) => articles.Where(a => EF.Functions.Like(a.Slug, start, "\\")),
                    _ => articles.Where(a => matches.Contains(a.Id) || EF.Functions.Like(a.Slug, start, "\\")),
                };
                var counted = await articles.OrderBy(a => a.Id).Select(a => a.Id).Take(Paging.SearchCountLimit + 1).CountAsync(cancellationToken);
                (total, kind, page) = Paging.Bounded(counted, page, PageSize);
            }
            else
            {
                total = await articles.CountAsync(cancellationToken);
                page = Paging.LastPageAtMost(page, total, PageSize);
            }

            // The page's ids first, walked along the (Status,) ListedAt index, then only those rows with their section and
            // pending count: sorting or projecting before paging would read the whole archive. A page past the end shows the last page.
            ids = await articles
                .OrderByDescending(a => a.ListedAt).ThenByDescending(a => a.Id)
                .Select(a => a.Id)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .ToListAsync(cancellationToken);
        }

        var rows = ids.Count == 0 ? [] : await _db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new ArticleRow(a.Id, a.Slug, a.Headline, a.Status, a.PublishedAt, a.Category.Name,
                a.Comments.Count(c => c.Status == CommentStatus.Pending)))
            .ToListAsync(cancellationToken);
        var position = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var ordered = rows.OrderBy(r => position[r.Id]).ToList();
        return new ArticleListViewModel
        {
            Status = status,
            Search = query.Length > 0 ? query : null,
            Articles = new PagedList<ArticleRow>(ordered, page, PageSize, total) { TotalKind = kind },
        };
    }

    /// <summary>
    /// The newsroom's search on SQLite, in raw SQL because the plan matters: the matches are the article index's hits
    /// plus articles whose slug starts with the query (a range on the unique Slug index; SQLite's LIKE ignores case
    /// and cannot use it). They are counted up to <see cref="Paging.SearchCountLimit"/> + 1. Up to that many, the page is
    /// those rows sorted by ListedAt; past it ("river" matches a third of the archive) the (Status,) ListedAt index is
    /// walked in order and each article checked against the matches, which stops after a page (the <c>+</c> keeps
    /// SQLite from looking the matches up one by one and sorting them all).
    /// </summary>
    private async Task<(int Total, TotalKind Kind, int Page, List<int> Ids)> SqliteSearchPageAsync(
        ArticleStatus? status, SearchQuery text, string? slug, int page, CancellationToken cancellationToken)
    {
        if (text.IsEmpty && slug is null)
        {
            return (0, TotalKind.Exact, 1, []);
        }

        var matches = SqliteMatchesSql(!text.IsEmpty, slug is not null);
        object[] arguments = [text.IsEmpty ? string.Empty : text.ToFts5(), slug ?? string.Empty, (slug ?? string.Empty) + char.MaxValue, (int)(status ?? 0)];
        var countSql = SqliteCountSql(matches, status is not null);
        var counted = await _db.Database.SqlQueryRaw<int>(countSql, [.. arguments, Paging.SearchCountLimit + 1]).ToListAsync(cancellationToken);
        var (total, kind, shown) = Paging.Bounded(counted[0], page, PageSize);
        page = shown;
        if (total == 0)
        {
            return (0, kind, page, []);
        }

        var pageSql = SqlitePageSql(matches, status is not null, walkListedAt: kind == TotalKind.AtLeast);
        var ids = await _db.Database.SqlQueryRaw<int>(pageSql, [.. arguments, PageSize, (page - 1) * PageSize]).ToListAsync(cancellationToken);
        return (total, kind, page, ids);
    }

    /// <summary>The ids that match: {0} the FTS5 expression, {1} and {2} the slug range (the prefix and the prefix + U+FFFF).</summary>
    internal static string SqliteMatchesSql(bool text, bool slug) => string.Join(" UNION ", new[]
    {
        text ? "SELECT rowid AS Id FROM ArticleSearch WHERE ArticleSearch MATCH {0}" : null,
        slug ? "SELECT Id FROM Articles WHERE Slug >= {1} AND Slug < {2}" : null,
    }.OfType<string>());

    /// <summary>
    /// The matches counted up to {4}; with a status ({3}), each match's status is read from IX_Articles_Status
    /// (SQLite would otherwise read the article's row).
    /// </summary>
    internal static string SqliteCountSql(string matches, bool status) => status
        ? $"SELECT COUNT(*) AS Value FROM (SELECT 1 FROM ({matches}) AS m CROSS JOIN Articles AS a INDEXED BY IX_Articles_Status ON a.Id = m.Id " +
          "WHERE a.Status = {3} LIMIT {4})"
        : $"SELECT COUNT(*) AS Value FROM (SELECT 1 FROM ({matches}) LIMIT {{4}})";

    /// <summary>
    /// One page ({4} rows from {5}) by ListedAt. With <paramref name="walkListedAt"/> (more matches than are counted)
    /// the <c>+</c> keeps SQLite from driving the query from the matches: it walks the ListedAt index and stops after a page.
    /// </summary>
    internal static string SqlitePageSql(string matches, bool status, bool walkListedAt) =>
        $"SELECT a.Id AS Value FROM Articles AS a WHERE {(status ? "a.Status = {3} AND " : string.Empty)}{(walkListedAt ? "+a.Id" : "a.Id")} IN ({matches}) " +
        "ORDER BY a.ListedAt DESC, a.Id DESC LIMIT {4} OFFSET {5}";
}
