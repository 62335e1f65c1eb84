namespace NewsPortal.Web.Features.Articles;

/// <summary>
/// The reader's copy of an article body: each in-body image whose address is a media library variant becomes a
/// <c>&lt;picture&gt;</c> with AVIF and WebP sources at every width, the JPEGs as the fallback srcset, its size and
/// lazy loading. Done when the article page's shared part is loaded, so it is cached with it. The stored (sanitized)
/// body is trusted only for which variant it names: the addresses, sizes and widths all come from MediaVariant rows,
/// and the alt text is carried over through the DOM, never pasted as text.
/// </summary>
public static class ResponsiveBodyImages
{
    /// <summary>The body column: at most 42rem (site.css .article-body) inside 1rem of padding each side.</summary>
    public const string Sizes = "(min-width: 44rem) 42rem, 100vw";

    private const string Prefix = MediaServiceCollectionExtensions.RequestPath + "/";

    public static async Task<string> RewriteAsync(NewsDbContext db, string html, CancellationToken cancellationToken)
    {
        if (!html.Contains(Prefix, StringComparison.Ordinal))
        {
            return html;
        }

        var document = new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>");
        var images = document.Body!.QuerySelectorAll("img[src]")
            .Where(img => img.ParentElement?.LocalName != "picture")
            .Select(img => (Element: img, Name: VariantName(img.GetAttribute("src")!)))
            .Where(x => x.Name is not null)
            .ToList();
        if (images.Count == 0)
        {
            return html;
        }

        var names = images.Select(x => x.Name!).Distinct(StringComparer.Ordinal).ToList();
        var named = await db.MediaVariants.AsNoTracking()
            .Where(v => names.Contains(v.FileName) && v.Kind == "w")
            .Select(v => new { v.FileName, v.MediaItemId, v.Width, v.Height })
            .ToListAsync(cancellationToken);
        var itemIds = named.Select(v => v.MediaItemId).Distinct().ToList();
        var variants = (await db.MediaVariants.AsNoTracking()
                .Where(v => itemIds.Contains(v.MediaItemId) && v.Kind == "w")
                .ToListAsync(cancellationToken))
            .ToLookup(v => v.MediaItemId);
        var byName = named.ToDictionary(v => v.FileName, StringComparer.Ordinal);

        var changed = false;
        foreach (var (img, name) in images)
        {
            if (!byName.TryGetValue(name!, out var chosen))
            {
                // Not (or no longer) a variant the library knows: left as the sanitizer kept it.
                continue;
            }

            var set = variants[chosen.MediaItemId].ToList();
            var picture = document.CreateElement("picture");
            foreach (var (format, type) in new[] { ("avif", "image/avif"), ("webp", "image/webp") })
            {
                var srcset = SrcSet(set, format);
                if (srcset.Length == 0)
                {
                    continue;
                }

                var source = document.CreateElement("source");
                source.SetAttribute("type", type);
                source.SetAttribute("srcset", srcset);
                source.SetAttribute("sizes", Sizes);
                picture.AppendChild(source);
            }

            var fallback = document.CreateElement("img");
            fallback.SetAttribute("src", Prefix + name);
            var jpegs = SrcSet(set, "jpeg");
            if (jpegs.Length > 0)
            {
                fallback.SetAttribute("srcset", jpegs);
                fallback.SetAttribute("sizes", Sizes);
            }

            fallback.SetAttribute("alt", img.GetAttribute("alt") ?? string.Empty);
            fallback.SetAttribute("width", chosen.Width.ToString(System.Globalization.CultureInfo.InvariantCulture));
            fallback.SetAttribute("height", chosen.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
            fallback.SetAttribute("loading", "lazy");
            fallback.SetAttribute("decoding", "async");
            picture.AppendChild(fallback);
            img.Replace(picture);
            changed = true;
        }

        return changed ? document.Body.InnerHtml : html;
    }

    /// <summary>
    /// The body's images that name a library variant, in reading order, with their alt text: the candidates for the
    /// picture an article without a hero is shown with elsewhere (see <see cref="ResponsiveImages.FirstInBodyAsync"/>).
    /// Images from anywhere else are not among them.
    /// </summary>
    public static IReadOnlyList<(string Address, string Alt)> LibraryImages(string html)
    {
        if (!html.Contains(Prefix, StringComparison.Ordinal))
        {
            return [];
        }

        var document = new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>");
        return document.Body!.QuerySelectorAll("img[src]")
            .Select(img => (Address: img.GetAttribute("src")!, Alt: img.GetAttribute("alt") ?? string.Empty))
            .Where(x => VariantName(x.Address) is not null)
            .ToList();
    }

    /// <summary>"/media/{file}" with nothing after it (no query, no further path): the variant's file name, else null.</summary>
    internal static string? VariantName(string src)
    {
        if (!src.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = src[Prefix.Length..];
        return name.Length is > 0 and <= Domain.MediaItem.FileNameMaxLength && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
            ? name
            : null;
    }

    private static string SrcSet(IEnumerable<Domain.MediaVariant> variants, string format) =>
        string.Join(", ", variants.Where(v => v.Format == format).OrderBy(v => v.Width)
            .Select(v => $"{Prefix}{v.FileName} {v.Width.ToString(System.Globalization.CultureInfo.InvariantCulture)}w"));
}
