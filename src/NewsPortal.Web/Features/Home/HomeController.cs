using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features.Shared;
using NewsPortal.Web.Infrastructure.Caching;

namespace NewsPortal.Web.Features.Home;

public sealed class HomeController : Controller
{
    private readonly FrontPageService _frontPage;

    public HomeController(FrontPageService frontPage) => _frontPage = frontPage;

    [HttpGet("/")]
    [SharedPage]
    public async Task<IActionResult> Index(int? page, CancellationToken cancellationToken)
    {
        var model = await _frontPage.GetAsync(Paging.ClampPage(page), cancellationToken);
        if (model.Latest.Page > model.Latest.PageCount)
        {
            return NotFound();
        }

        return View(model);
    }
}
