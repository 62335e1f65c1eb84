using Microsoft.EntityFrameworkCore;

namespace NewsPortal.Web.Features.Shared;

public static class Paging
{
    /// <summary>The highest page number a reader list will serve; deeper links are clamped, not failed.</summary>
    public const int MaxPage = 10_000;

    public static int ClampPage(int? page) => Math.Clamp(page ?? 1, 1, MaxPage);

    /// <summary>Two bounded queries: the count and one page of rows.</summary>
    public static async Task<PagedList<T>> ToPagedListAsync<T>(
        this IQueryable<T> ordered, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var items = await ordered.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedList<T>(items, page, pageSize, total);
    }
}
