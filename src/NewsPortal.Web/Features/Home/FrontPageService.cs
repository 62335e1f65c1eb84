using NewsPortal.Web.Features.Articles;

namespace NewsPortal.Web.Features.Home;

public sealed class FrontPageService(SiteClock clock, ReaderSnapshot cache)
{
    public const int LatestPageSize = 10;
    public const int PerSection = 4;


    public ValueTask<FrontPageViewModel> GetAsync(int page, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync($"front:{page}", ReaderChange.Comments, (db, ct) => LoadAsync(db, page, ct), cancellationToken);

    /// <summary>At most four bounded queries (lead, count, page, one UNION for the sections), whatever the archive's size.</summary>
    private async Task<FrontPageViewModel> LoadAsync(NewsDbContext db, int page, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var visible = db.Articles.AsNoTracking().VisibleAt(now);

        var lead = page == 1
            ? await visible.NewestFirst().SelectSummaries().FirstOrDefaultAsync(cancellationToken)
            : null;

        // The lead is the first of the latest list; the list starts after it so nothing shows twice.
        var latest = await visible.NewestFirst().Skip(1)
            .ToSummaryPageAsync(db.Articles.AsNoTracking(), page, LatestPageSize, cancellationToken);

        var sections = page == 1 ? await GetSectionsAsync(db, now, cancellationToken) : [];
        await ResponsiveImages.AttachAsync(db, [.. lead is null ? [] : new[] { lead }, .. latest.Items, .. sections.SelectMany(s => s.Articles)], cancellationToken);
        return new FrontPageViewModel { Lead = lead, Latest = latest, Sections = sections };
    }

    /// <summary>
    /// The newest few articles of every section in one round trip: a UNION ALL of one small indexed query per
    /// section (SQLite has no APPLY, so a per-category subquery cannot be used on both providers).
    /// </summary>
    private static async Task<List<SectionBlock>> GetSectionsAsync(NewsDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking()
            .OrderBy(c => c.Position).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.Slug })
            .ToListAsync(cancellationToken);
        if (categories.Count == 0)
        {
            return [];
        }

        IQueryable<ArticleSummary>? union = null;
        foreach (var category in categories)
        {
            var id = category.Id;
            var top = db.Articles.AsNoTracking()
                .VisibleAt(now)
                .Where(a => a.CategoryId == id)
                .NewestFirst()
                .Take(PerSection)
                .SelectSummaries();
            union = union is null ? top : union.Concat(top);
        }

        var articles = await union!.ToListAsync(cancellationToken);
        var byCategory = articles.ToLookup(a => a.CategorySlug);
        return categories
            .Where(c => byCategory[c.Slug].Any())
            .Select(c => new SectionBlock
            {
                Name = c.Name,
                Slug = c.Slug,
                Articles = byCategory[c.Slug].OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).ToList(),
            })
            .ToList();
    }
}
