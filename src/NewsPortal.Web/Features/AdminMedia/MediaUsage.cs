namespace NewsPortal.Web.Features.AdminMedia;

/// <summary>One article that shows a library image: as its hero, in its body, or both.</summary>
public sealed record MediaUse(int ArticleId, string Headline, ArticleStatus Status, bool AsHero, bool InBody)
{
    /// <summary>Published or scheduled: readers see it (or will), so the image cannot be deleted.</summary>
    public bool IsPublished => Status != ArticleStatus.Draft;
}

/// <summary>
/// Which articles use an image. An article names an image by one of its variants' addresses (<c>/media/{name}</c>):
/// the hero field holds the address exactly; a body holds it in an img's src, found with LIKE over the bodies (the
/// names are hex hashes, so they hold no LIKE wildcard). The body scan reads every article, which suits a page one
/// editor opens, not a reader's page.
/// </summary>
public static class MediaUsage
{
    public static async Task<IReadOnlyList<MediaUse>> OfAsync(NewsDbContext db, int mediaItemId, CancellationToken cancellationToken)
    {
        var names = await db.MediaVariants.AsNoTracking().Where(v => v.MediaItemId == mediaItemId).Select(v => v.FileName).ToListAsync(cancellationToken);
        if (names.Count == 0)
        {
            return [];
        }

        var addresses = names.Select(n => $"{MediaServiceCollectionExtensions.RequestPath}/{n}").ToList();
        var patterns = addresses.Select(a => $"%{Data.Queries.Like.Escape(a)}%").ToList();
        var rows = await db.Articles.AsNoTracking()
            .Select(a => new
            {
                a.Id,
                a.Headline,
                a.Status,
                AsHero = a.HeroImageUrl != null && addresses.Contains(a.HeroImageUrl),
                InBody = patterns.Any(p => EF.Functions.Like(a.BodyHtml, p, "\\")),
            })
            .Where(a => a.AsHero || a.InBody)
            .OrderByDescending(a => a.Id)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new MediaUse(r.Id, r.Headline, r.Status, r.AsHero, r.InBody))];
    }
}
