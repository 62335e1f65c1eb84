namespace NewsPortal.Web.Features.AdminMedia;

/// <summary>
/// Deletes a library image that no published or scheduled article uses. A draft that uses it as its hero loses the
/// hero (its fields are cleared, so the draft cannot be published with a broken image); a draft's body keeps the
/// figure, which then shows nothing, and the editor sees that in the preview. Files go after the rows, and only those
/// no other row names (the same file uploaded twice makes the same variants).
/// </summary>
public sealed class DeleteMedia(NewsDbContext db, IMediaStore store)
{
    /// <summary>Deleted, not found (no refusal), or refused with the reason an editor is shown.</summary>
    public async Task<DeleteOutcome> DeleteAsync(int id, CancellationToken cancellationToken)
    {
        var item = await db.MediaItems.Include(m => m.Variants).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (item is null)
        {
            return DeleteOutcome.NotFound;
        }

        if (item.State == MediaState.Processing)
        {
            return new DeleteOutcome(false, "It is still being processed. Delete it once its sizes are made.");
        }

        var uses = await MediaUsage.OfAsync(db, id, cancellationToken);
        var published = uses.Where(u => u.IsPublished).ToList();
        if (published.Count > 0)
        {
            return new DeleteOutcome(false, published.Count == 1
                ? $"It is used by a published article, “{published[0].Headline}”. Take it out of that article first."
                : $"It is used by {published.Count} published articles (listed under “Where it is used”). Take it out of them first.");
        }

        var heroAddresses = item.Variants.Select(v => $"{MediaServiceCollectionExtensions.RequestPath}/{v.FileName}").ToList();
        var draftIds = uses.Where(u => u.AsHero).Select(u => u.ArticleId).ToList();
        foreach (var draft in await db.Articles.Where(a => draftIds.Contains(a.Id) && a.HeroImageUrl != null && heroAddresses.Contains(a.HeroImageUrl)).ToListAsync(cancellationToken))
        {
            draft.HeroImageUrl = null;
            draft.HeroImageAlt = null;
            draft.HeroImageCaption = null;
        }

        var names = item.Variants.Select(v => v.FileName).ToList();
        db.MediaItems.Remove(item);
        await db.SaveChangesAsync(cancellationToken);

        var stillNamed = await db.MediaVariants.AsNoTracking().Where(v => names.Contains(v.FileName)).Select(v => v.FileName).ToListAsync(cancellationToken);
        foreach (var name in names.Except(stillNamed))
        {
            await store.DeleteVariantAsync(name, cancellationToken);
        }

        if (!await db.MediaItems.AnyAsync(m => m.OriginalName == item.OriginalName, cancellationToken))
        {
            await store.DeleteOriginalAsync(item.OriginalName, cancellationToken);
        }

        return new DeleteOutcome(true, null);
    }
}

public sealed record DeleteOutcome(bool Deleted, string? Refusal)
{
    public static readonly DeleteOutcome NotFound = new(false, null);
}
