namespace NewsPortal.Web.Features.Authors;

/// <summary>
/// A byline's portrait as the reader gets it: AVIF and WebP sources and the JPEG fallback at every width the media
/// library made. Null while the image is still processing (or failed, or was deleted): the page then shows the
/// person's initials instead of a broken image.
/// </summary>
[ImmutableObject(true)]
public sealed record BylinePhoto(string Src, string? AvifSrcSet, string? WebpSrcSet, string? JpegSrcSet, int Width, int Height, string Alt)
{
    /// <summary>The portrait is shown at most 10rem wide (site.css .author-photo).</summary>
    public const string Sizes = "10rem";

    private const string Prefix = MediaServiceCollectionExtensions.RequestPath + "/";

    public static async Task<BylinePhoto?> LoadAsync(NewsDbContext db, int? mediaItemId, string personName, CancellationToken cancellationToken)
    {
        if (mediaItemId is not { } id)
        {
            return null;
        }

        var item = await db.MediaItems.AsNoTracking()
            .Where(m => m.Id == id && m.State == Domain.MediaState.Ready)
            .Select(m => new { m.Alt })
            .SingleOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            return null;
        }

        var variants = await db.MediaVariants.AsNoTracking()
            .Where(v => v.MediaItemId == id && v.Kind == "w")
            .Select(v => new { v.Format, v.Width, v.Height, v.FileName })
            .ToListAsync(cancellationToken);
        var jpegs = variants.Where(v => v.Format == "jpeg").OrderBy(v => v.Width).ToList();

        // The smallest JPEG at least 320 px wide (twice the shown size) is the src for browsers without srcset.
        var fallback = jpegs.FirstOrDefault(v => v.Width >= 320) ?? jpegs.LastOrDefault();
        if (fallback is null)
        {
            return null;
        }

        string? SrcSet(string format)
        {
            var set = variants.Where(v => v.Format == format).OrderBy(v => v.Width)
                .Select(v => $"{Prefix}{v.FileName} {v.Width.ToString(CultureInfo.InvariantCulture)}w").ToList();
            return set.Count == 0 ? null : string.Join(", ", set);
        }

        return new BylinePhoto(
            Prefix + fallback.FileName, SrcSet("avif"), SrcSet("webp"), SrcSet("jpeg"), fallback.Width, fallback.Height,
            string.IsNullOrWhiteSpace(item.Alt) ? $"Portrait of {personName}" : item.Alt);
    }
}
