using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Infrastructure.Caching;
using NewsPortal.Web.Infrastructure.Site;

namespace NewsPortal.Web.Features.Listings;

public sealed class ListingService
{
    public const int PageSize = 12;

    private readonly SiteClock _clock;
    private readonly ReaderSnapshot _cache;

    public ListingService(SiteClock clock, ReaderSnapshot cache)
    {
        _clock = clock;
        _cache = cache;
    }

    public ValueTask<ListingViewModel?> GetCategoryAsync(string slug, int page, CancellationToken cancellationToken) =>
        _cache.GetOrLoadAsync($"category:{slug}:{page}", ReaderChange.Comments, (db, ct) => LoadCategoryAsync(db, slug, page, ct), cancellationToken);

    public ValueTask<ListingViewModel?> GetTagAsync(string slug, int page, CancellationToken cancellationToken) =>
        _cache.GetOrLoadAsync($"tag:{slug}:{page}", ReaderChange.Comments, (db, ct) => LoadTagAsync(db, slug, page, ct), cancellationToken);

    private async Task<ListingViewModel?> LoadCategoryAsync(NewsDbContext db, string slug, int page, CancellationToken cancellationToken)
    {
        var category = await db.Categories.AsNoTracking()
            .Where(c => c.Slug == slug)
            .Select(c => new { c.Id, c.Name, c.Slug })
            .SingleOrDefaultAsync(cancellationToken);
        if (category is null)
        {
            return null;
        }

        var articles = await db.Articles.AsNoTracking()
            .VisibleAt(_clock.UtcNow)
            .Where(a => a.CategoryId == category.Id)
            .NewestFirst()
            .ToSummaryPageAsync(db.Articles.AsNoTracking(), page, PageSize, cancellationToken);

        await ResponsiveImages.AttachAsync(db, articles.Items, cancellationToken);
        return new ListingViewModel { Title = category.Name, Kind = "Section", Slug = category.Slug, Articles = articles };
    }

    private async Task<ListingViewModel?> LoadTagAsync(NewsDbContext db, string slug, int page, CancellationToken cancellationToken)
    {
        var tag = await db.Tags.AsNoTracking()
            .Where(t => t.Slug == slug)
            .Select(t => new { t.Id, t.Name, t.Slug })
            .SingleOrDefaultAsync(cancellationToken);
        if (tag is null)
        {
            return null;
        }

        var articles = await db.Articles.AsNoTracking()
            .VisibleAt(_clock.UtcNow)
            .Where(a => a.Tags.Any(t => t.Id == tag.Id))
            .NewestFirst()
            .ToSummaryPageAsync(db.Articles.AsNoTracking(), page, PageSize, cancellationToken);

        await ResponsiveImages.AttachAsync(db, articles.Items, cancellationToken);
        return new ListingViewModel { Title = tag.Name, Kind = "Topic", Slug = tag.Slug, Articles = articles };
    }
}
