using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.Listings;

public sealed class ListingsController(ListingService listings) : Controller
{
    [HttpGet("/category/{slug}")]
    [SharedPage]
    public async Task<IActionResult> Category(string slug, int? page, CancellationToken cancellationToken)
    {
        var model = await listings.GetCategoryAsync(slug, Paging.ClampPage(page), cancellationToken);
        return model?.MovedTo is { } current
            ? RedirectPermanent(page is > 1 ? $"/category/{current}?page={page}" : $"/category/{current}")
            : Listing(model);
    }

    [HttpGet("/tag/{slug}")]
    [SharedPage]
    public async Task<IActionResult> Tag(string slug, int? page, CancellationToken cancellationToken) =>
        Listing(await listings.GetTagAsync(slug, Paging.ClampPage(page), cancellationToken));

    private IActionResult Listing(ListingViewModel? model) =>
        model is null || model.Articles.Page > model.Articles.PageCount ? NotFound() : View("Listing", model);
}
