using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.Home;

public sealed class HomeController(FrontPageService frontPage) : Controller
{
    [HttpGet("/")]
    [SharedPage]
    public async Task<IActionResult> Index(int? page, CancellationToken cancellationToken)
    {
        var model = await frontPage.GetAsync(Paging.ClampPage(page), cancellationToken);
        if (model.Latest.Page > model.Latest.PageCount)
        {
            return NotFound();
        }

        return View(model);
    }
}
