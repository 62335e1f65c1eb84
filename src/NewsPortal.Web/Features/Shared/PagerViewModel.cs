using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace NewsPortal.Web.Features.Shared;

/// <summary>Links to neighbouring pages of a list, keeping the other query parameters (e.g. the search text).</summary>
public sealed class PagerViewModel
{
    public PagerViewModel(string path, int page, int pageCount, IReadOnlyDictionary<string, string?>? query = null)
    {
        Path = path;
        Page = page;
        PageCount = pageCount;
        Query = query ?? new Dictionary<string, string?>();
    }

    public string Path { get; }
    public int Page { get; }
    public int PageCount { get; }
    public IReadOnlyDictionary<string, string?> Query { get; }

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
