using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.Listings;

public sealed class ListingService(SiteClock clock, ReaderSnapshot cache)
{
    public const int PageSize = 12;


    public ValueTask<ListingViewModel?> GetCategoryAsync(string slug, int page, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync($"category:{slug}:{page}", ReaderChange.Comments, (db, ct) => LoadCategoryAsync(db, slug, page, ct), cancellationToken);

    public ValueTask<ListingViewModel?> GetTagAsync(string slug, int page, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync($"tag:{slug}:{page}", ReaderChange.Comments, (db, ct) => LoadTagAsync(db, slug, page, ct), cancellationToken);

    /// <summary>The current slug of the section that used to have <paramref name="oldSlug"/>.</summary>
    public static IQueryable<string> MovedTo(NewsDbContext db, string oldSlug) =>
        db.CategorySlugRedirects.AsNoTracking().Where(r => r.OldSlug == oldSlug).Select(r => r.Category.Slug);

    private async Task<ListingViewModel?> LoadCategoryAsync(NewsDbContext db, string slug, int page, CancellationToken cancellationToken)
    {
        var category = await db.Categories.AsNoTracking()
            .Where(c => c.Slug == slug)
            .Select(c => new { c.Id, c.Name, c.Slug, c.Description })
            .SingleOrDefaultAsync(cancellationToken);
        if (category is null)
        {
            // A section renamed since: its old address answers 301 to the current one.
            var current = await MovedTo(db, slug).FirstOrDefaultAsync(cancellationToken);
            return current is null
                ? null
                : new ListingViewModel { Title = string.Empty, Kind = "Section", Slug = slug, MovedTo = current, Articles = new PagedList<ArticleSummary>([], 1, PageSize, 0) };
        }

        var articles = await db.Articles.AsNoTracking()
            .VisibleAt(clock.UtcNow)
            .Where(a => a.CategoryId == category.Id)
            .NewestFirst()
            .ToSummaryPageAsync(db.Articles.AsNoTracking(), page, PageSize, cancellationToken);

        await ResponsiveImages.AttachAsync(db, articles.Items, cancellationToken);
        return new ListingViewModel { Title = category.Name, Kind = "Section", Slug = category.Slug, Description = category.Description, Articles = articles };
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
            .VisibleAt(clock.UtcNow)
            .Where(a => a.Tags.Any(t => t.Id == tag.Id))
            .NewestFirst()
            .ToSummaryPageAsync(db.Articles.AsNoTracking(), page, PageSize, cancellationToken);

        await ResponsiveImages.AttachAsync(db, articles.Items, cancellationToken);
        return new ListingViewModel { Title = tag.Name, Kind = "Topic", Slug = tag.Slug, Articles = articles };
    }
}
