using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features.Shared;
using NewsPortal.Web.Infrastructure.Caching;

namespace NewsPortal.Web.Features.Listings;

public sealed class ListingsController : Controller
{
    private readonly ListingService _listings;
    private readonly ReaderCache _cache;

    public ListingsController(ListingService listings, ReaderCache cache)
    {
        _listings = listings;
        _cache = cache;
    }

    [HttpGet("/category/{slug}")]
    public async Task<IActionResult> Category(string slug, int? page, CancellationToken cancellationToken)
    {
        ViewData[ReaderCache.GenerationKey] = await _cache.CurrentGenerationAsync(cancellationToken);
        return Listing(await _listings.GetCategoryAsync(slug, Paging.ClampPage(page), cancellationToken));
    }

    [HttpGet("/tag/{slug}")]
    public async Task<IActionResult> Tag(string slug, int? page, CancellationToken cancellationToken)
    {
        ViewData[ReaderCache.GenerationKey] = await _cache.CurrentGenerationAsync(cancellationToken);
        return Listing(await _listings.GetTagAsync(slug, Paging.ClampPage(page), cancellationToken));
    }

    private IActionResult Listing(ListingViewModel? model) =>
        model is null || model.Articles.Page > model.Articles.PageCount ? NotFound() : View("Listing", model);
}
