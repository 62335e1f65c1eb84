namespace NewsPortal.Web.Features.Shared;

public static class Paging
{
    /// <summary>The highest page number a reader list will serve; deeper links are clamped, not failed.</summary>
    public const int MaxPage = 10_000;

    public static int ClampPage(int? page) => Math.Clamp(page ?? 1, 1, MaxPage);

    /// <summary>The page to show for a request of <paramref name="page"/>: a page past the end shows the last page.</summary>
    public static int LastPageAtMost(int page, int total, int pageSize) =>
        Math.Clamp(page, 1, Math.Max(1, (int)Math.Ceiling(total / (double)pageSize)));

    /// <summary>How far a staff search is counted (count at most this + 1 rows); past it the total reads "more than".</summary>
    public const int SearchCountLimit = 1_000;

    /// <summary>
    /// The total to show for a search counted up to <see cref="SearchCountLimit"/> + 1, and the page to show: past the
    /// limit the total is a lower bound and the requested page stands (more may follow); otherwise a page past the end
    /// shows the last page.
    /// </summary>
    public static (int Total, TotalKind Kind, int Page) Bounded(int counted, int page, int pageSize) =>
        counted > SearchCountLimit
            ? (SearchCountLimit, TotalKind.AtLeast, page)
            : (counted, TotalKind.Exact, LastPageAtMost(page, counted, pageSize));

    /// <summary>Two bounded queries: the count and one page of rows.</summary>
    public static async Task<PagedList<T>> ToPagedListAsync<T>(
        this IQueryable<T> ordered, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var items = await ordered.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedList<T>(items, page, pageSize, total);
    }
}
