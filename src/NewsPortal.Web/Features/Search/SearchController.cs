using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.Search;

public sealed class SearchController : Controller
{
    private readonly SearchService _search;

    public SearchController(SearchService search) => _search = search;

    [HttpGet("/search")]
    public async Task<IActionResult> Index(string? q, int? page, CancellationToken cancellationToken) =>
        View(await _search.SearchAsync(q, Paging.ClampPage(page), cancellationToken));
}
