namespace NewsPortal.Web.Features.Shared;

/// <summary>Links to neighbouring pages of a list, keeping the other query parameters (e.g. the search text).</summary>
public sealed class PagerViewModel(string path, int page, int pageCount, IReadOnlyDictionary<string, string?>? query = null)
{
    /// <summary>The pager of a list whose total may be a lower bound (<see cref="TotalKind.AtLeast"/>).</summary>
    public static PagerViewModel For<T>(string path, PagedList<T> list, IReadOnlyDictionary<string, string?>? query = null) =>
        new(path, list.Page, list.PageCount, query) { HasNext = list.HasNext, PageCountKnown = list.TotalKind != TotalKind.AtLeast };

    public string Path { get; } = path;
    public int Page { get; } = page;
    public int PageCount { get; } = pageCount;

    public bool HasNext { get; init; } = page < pageCount;

    /// <summary>False when <see cref="PageCount"/> is only a lower bound: the pager then says "Page 3", not "Page 3 of 50".</summary>
    public bool PageCountKnown { get; init; } = true;
    public IReadOnlyDictionary<string, string?> Query { get; } = query ?? new Dictionary<string, string?>();

    public string UrlFor(int page)
    {
        var query = Query.Where(kv => !string.IsNullOrEmpty(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value);
        if (page > 1)
        {
            query["page"] = page.ToString(CultureInfo.InvariantCulture);
        }

        return QueryHelpers.AddQueryString(Path, query);
    }
}
