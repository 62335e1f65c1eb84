namespace NewsPortal.Web.Features.Shared;

/// <summary>
/// A media library image as the reader's pages serve it: AVIF, WebP and JPEG srcsets over every width, the JPEG to
/// fall back to (the widest of at most <see cref="FallbackWidth"/> px) with its size, the widest JPEG (feeds and
/// JSON-LD) and the 1200×630 crop (link previews). Everything comes from the variant rows.
/// </summary>
[ImmutableObject(true)]
public sealed record ResponsiveImage(
    ImageFile Fallback, string AvifSrcSet, string WebpSrcSet, string JpegSrcSet, ImageFile LargestJpeg, ImageFile? Social)
{
    public const int FallbackWidth = 1200;
}

/// <summary>One served variant: its address (a path on this site), size in pixels and bytes, and type.</summary>
[ImmutableObject(true)]
public sealed record ImageFile(string Url, int Width, int Height, long Bytes, string Type);

/// <summary>A library image from an article's body, with the alt text the body gives it.</summary>
[ImmutableObject(true)]
public sealed record InBodyImage(ResponsiveImage Image, string Alt);
