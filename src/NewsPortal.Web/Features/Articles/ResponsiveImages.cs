using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.Articles;

/// <summary>
/// Finds the media library images behind hero image addresses. A hero is a library image when its address is one of
/// a library image's variants (<c>/media/{name}</c>, as the editor's hero picker writes it), so old content with any
/// other address keeps working as stored, and the image's own record is the one the in-body rewrite uses.
/// </summary>
public static class ResponsiveImages
{
    /// <summary>Two queries whatever the number of addresses: the named variants, then every variant of their images.</summary>
    public static async Task<IReadOnlyDictionary<string, ResponsiveImage>> ForAddressesAsync(
        NewsDbContext db, IEnumerable<string?> addresses, CancellationToken cancellationToken)
    {
        var byAddress = addresses.Where(a => a is not null).Select(a => (Address: a!, Name: ResponsiveBodyImages.VariantName(a!)))
            .Where(x => x.Name is not null).DistinctBy(x => x.Address).ToList();
        if (byAddress.Count == 0)
        {
            return new Dictionary<string, ResponsiveImage>();
        }

        var names = byAddress.Select(x => x.Name!).Distinct(StringComparer.Ordinal).ToList();
        var named = await db.MediaVariants.AsNoTracking().Where(v => names.Contains(v.FileName))
            .Select(v => new { v.FileName, v.MediaItemId }).ToListAsync(cancellationToken);
        var itemIds = named.Select(v => v.MediaItemId).Distinct().ToList();
        var variants = (await db.MediaVariants.AsNoTracking().Where(v => itemIds.Contains(v.MediaItemId)).ToListAsync(cancellationToken))
            .ToLookup(v => v.MediaItemId);
        var itemOf = named.ToDictionary(v => v.FileName, v => v.MediaItemId, StringComparer.Ordinal);

        var result = new Dictionary<string, ResponsiveImage>(StringComparer.Ordinal);
        foreach (var (address, name) in byAddress)
        {
            if (itemOf.TryGetValue(name!, out var itemId) && Of(variants[itemId].ToList()) is { } image)
            {
                result[address] = image;
            }
        }

        return result;
    }

    /// <summary>
    /// The first image in <paramref name="html"/> that is a processed library image, with the alt text the body gives
    /// it; null when there is none. An article without a hero is shown with it in link previews, JSON-LD and feeds.
    /// Two queries, and none when the body names no variant.
    /// </summary>
    public static async Task<InBodyImage?> FirstInBodyAsync(NewsDbContext db, string html, CancellationToken cancellationToken)
    {
        var candidates = ResponsiveBodyImages.LibraryImages(html);
        return candidates.Count == 0 ? null : FirstOf(candidates, await ForAddressesAsync(db, candidates.Select(c => c.Address), cancellationToken));
    }

    /// <summary>The first of <paramref name="candidates"/> (in reading order) found in <paramref name="images"/>.</summary>
    public static InBodyImage? FirstOf(IEnumerable<(string Address, string Alt)> candidates, IReadOnlyDictionary<string, ResponsiveImage> images)
    {
        foreach (var (address, alt) in candidates)
        {
            if (images.TryGetValue(address, out var image))
            {
                return new InBodyImage(image, alt);
            }
        }

        return null;
    }

    /// <summary>The image made from one item's variants; null when it has no JPEG widths (not processed).</summary>
    public static ResponsiveImage? Of(IReadOnlyList<MediaVariant> variants)
    {
        var widths = variants.Where(v => v.Kind == "w").ToList();
        var jpegs = widths.Where(v => v.Format == "jpeg").OrderBy(v => v.Width).ToList();
        if (jpegs.Count == 0)
        {
            return null;
        }

        var fallback = jpegs.LastOrDefault(v => v.Width <= ResponsiveImage.FallbackWidth) ?? jpegs[0];
        var social = variants.FirstOrDefault(v => v.Kind == "social");
        return new ResponsiveImage(
            File(fallback),
            SrcSet(widths, "avif"), SrcSet(widths, "webp"), SrcSet(widths, "jpeg"),
            File(jpegs[^1]), social is null ? null : File(social));
    }

    /// <summary>Sets each summary's <see cref="ArticleSummary.HeroImage"/> (before the list is cached: it never changes after).</summary>
    public static async Task AttachAsync(NewsDbContext db, IReadOnlyCollection<ArticleSummary> summaries, CancellationToken cancellationToken)
    {
        var images = await ForAddressesAsync(db, summaries.Select(s => s.HeroImageUrl), cancellationToken);
        foreach (var summary in summaries)
        {
            if (summary.HeroImageUrl is { } url && images.TryGetValue(url, out var image))
            {
                summary.HeroImage = image;
            }
        }
    }

    private static string Url(MediaVariant variant) => $"{Infrastructure.Media.MediaServiceCollectionExtensions.RequestPath}/{variant.FileName}";

    private static ImageFile File(MediaVariant variant) =>
        new(Url(variant), variant.Width, variant.Height, variant.Bytes, variant.Format switch
        {
            "avif" => "image/avif",
            "webp" => "image/webp",
            _ => "image/jpeg",
        });

    private static string SrcSet(IEnumerable<MediaVariant> variants, string format) =>
        string.Join(", ", variants.Where(v => v.Format == format).OrderBy(v => v.Width)
            .Select(v => $"{Url(v)} {v.Width.ToString(CultureInfo.InvariantCulture)}w"));
}
