using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features.Shared;
using NewsPortal.Web.Infrastructure.Caching;

namespace NewsPortal.Web.Features.Home;

public sealed class HomeController : Controller
{
    private readonly FrontPageService _frontPage;
    private readonly ReaderCache _cache;

    public HomeController(FrontPageService frontPage, ReaderCache cache)
    {
        _frontPage = frontPage;
        _cache = cache;
    }

    [HttpGet("/")]
    public async Task<IActionResult> Index(int? page, CancellationToken cancellationToken)
    {
        // Read before the data, so a change landing in between renders under a key that is already dead.
        ViewData[ReaderCache.GenerationKey] = await _cache.CurrentGenerationAsync(cancellationToken);
        var model = await _frontPage.GetAsync(Paging.ClampPage(page), cancellationToken);
        if (model.Latest.Page > model.Latest.PageCount)
        {
            return NotFound();
        }

        return View(model);
    }
}
