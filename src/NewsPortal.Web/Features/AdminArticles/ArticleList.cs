using NewsPortal.Web.Features.Search;
using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.AdminArticles;

/// <summary>The newsroom's list of articles: by status, searched by words or by the start of an address, paged.</summary>
public sealed class ArticleList(NewsDbContext db, ISearchQueries queries)
{
    public const int PageSize = 25;


    /// <summary>The query as the start of a slug (lower-case letters, digits and hyphens), or null when it cannot be one.</summary>
    internal static string? SlugPrefix(string query)
    {
        var lower = query.Trim().ToLowerInvariant();
        return lower.Length > 0 && lower.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') ? lower : null;
    }

    public async Task<ArticleListViewModel> ListAsync(ArticleStatus? status, string? search, int page, CancellationToken cancellationToken)
    {
        var query = SearchService.Normalize(search);
        var kind = TotalKind.Exact;
        int total;
        List<int> ids;
        if (query.Length > 0)
        {
            // Words through the article index, or an address by its start, so a pasted slug finds its article.
            (total, kind, page, ids) = await queries.NewsroomPageAsync(db, status, SearchQuery.Parse(query), SlugPrefix(query), page, PageSize, cancellationToken);
        }
        else
        {
            var articles = db.Articles.AsNoTracking();
            if (status is { } s)
            {
                articles = articles.Where(a => a.Status == s);
            }

            total = await articles.CountAsync(cancellationToken);
            page = Paging.LastPageAtMost(page, total, PageSize);

            // The page's ids first, walked along the (Status,) ListedAt index, then only those rows with their section and
            // pending count: sorting or projecting before paging would read the whole archive. A page past the end shows the last page.
            ids = await articles
                .OrderByDescending(a => a.ListedAt).ThenByDescending(a => a.Id)
                .Select(a => a.Id)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .ToListAsync(cancellationToken);
        }

        var rows = ids.Count == 0 ? [] : await db.Articles.AsNoTracking()
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
}
