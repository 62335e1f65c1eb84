namespace NewsPortal.Web.Features.Search;

public sealed class SearchController(SearchService search) : Controller
{
    [HttpGet("/search")]
    [EnableRateLimiting(SearchRateLimiting.PolicyName)]
    public async Task<IActionResult> Index(string? q, string? section, string? from, string? to, int? page, CancellationToken cancellationToken)
    {
        var model = await search.SearchAsync(new SearchRequest(q, section, from, to, page ?? 1), cancellationToken);
        if (model.IsBusy)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "5";
        }

        return View(model);
    }
}
