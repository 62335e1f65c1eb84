using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.Search;

public sealed class SearchViewModel
{
    public string Query { get; init; } = string.Empty;

    /// <summary>Null when nothing was searched for.</summary>
    public PagedList<ArticleSummary>? Results { get; init; }
}
