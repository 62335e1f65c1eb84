namespace NewsPortal.Web.Features.AdminMedia;

/// <summary>The library's reads (newest first, searched by alt, caption, credit and file name) and its one edit.</summary>
public sealed class MediaLibrary(NewsDbContext db)
{
    public const int PageSize = 60;


    public async Task<IReadOnlyList<MediaRowViewModel>> ListAsync(string? search, CancellationToken cancellationToken)
    {
        var query = db.MediaItems.AsNoTracking();
        var q = search?.Trim();
        if (!string.IsNullOrEmpty(q))
        {
            // LIKE, not Contains: SQLite's instr() is case-sensitive, its LIKE (like SQL Server's default collation) is not.
            var pattern = $"%{Data.Queries.Like.Escape(q)}%";
            query = query.Where(m => EF.Functions.Like(m.DisplayName, pattern, "\\") || EF.Functions.Like(m.Alt, pattern, "\\")
                || EF.Functions.Like(m.Caption, pattern, "\\") || EF.Functions.Like(m.Credit, pattern, "\\"));
        }

        return await Rows(query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(PageSize)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// What the editor's image picker offers: ready images that have alt text (the rest cannot be inserted), searched
    /// like the library, each with the variant to insert: the widest JPEG and WebP of at most
    /// <see cref="InsertWidth"/> px (a smaller original has none that wide; variants are never upscaled).
    /// </summary>
    public async Task<IReadOnlyList<MediaPickerItem>> PickerAsync(string? search, CancellationToken cancellationToken)
    {
        var query = db.MediaItems.AsNoTracking().Where(m => m.State == MediaState.Ready && m.Alt != null && m.Alt.Trim() != "");
        var q = search?.Trim();
        if (!string.IsNullOrEmpty(q))
        {
            var pattern = $"%{Data.Queries.Like.Escape(q)}%";
            query = query.Where(m => EF.Functions.Like(m.DisplayName, pattern, "\\") || EF.Functions.Like(m.Alt, pattern, "\\")
                || EF.Functions.Like(m.Caption, pattern, "\\") || EF.Functions.Like(m.Credit, pattern, "\\"));
        }

        var items = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(PageSize)
            .Select(m => new { m.Id, m.Alt, m.Caption, m.Credit }).ToListAsync(cancellationToken);
        var ids = items.Select(m => m.Id).ToList();
        var variants = (await db.MediaVariants.AsNoTracking().Where(v => ids.Contains(v.MediaItemId) && v.Kind == "w").ToListAsync(cancellationToken))
            .ToLookup(v => v.MediaItemId);

        var result = new List<MediaPickerItem>(items.Count);
        foreach (var item in items)
        {
            var widths = variants[item.Id].ToList();
            var jpeg = Widest(widths, "jpeg");
            var webp = Widest(widths, "webp");
            var thumbnail = widths.Where(v => v.Format == "webp").MinBy(v => v.Width) ?? widths.MinBy(v => v.Width);
            if (jpeg is null || thumbnail is null)
            {
                continue;
            }

            result.Add(new MediaPickerItem(item.Id, Url(thumbnail), item.Alt!, item.Caption, item.Credit, Url(jpeg),
                webp is null ? null : Url(webp), jpeg.Width, jpeg.Height));
        }

        return result;
    }

    public const int InsertWidth = 1200;

    private static MediaVariant? Widest(List<MediaVariant> variants, string format)
    {
        var ofFormat = variants.Where(v => v.Format == format).ToList();
        return ofFormat.Where(v => v.Width <= InsertWidth).MaxBy(v => v.Width) ?? ofFormat.MinBy(v => v.Width);
    }

    private static string Url(MediaVariant variant) => $"{Infrastructure.Media.MediaServiceCollectionExtensions.RequestPath}/{variant.FileName}";

    public async Task<MediaDetailsViewModel?> DetailsAsync(int id, MediaDetailsForm? form, CancellationToken cancellationToken)
    {
        var row = await Rows(db.MediaItems.AsNoTracking().Where(m => m.Id == id)).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var variants = await db.MediaVariants.AsNoTracking().Where(v => v.MediaItemId == id)
            .OrderBy(v => v.Kind).ThenBy(v => v.Width).ThenBy(v => v.Format).ToListAsync(cancellationToken);
        return new MediaDetailsViewModel
        {
            Item = row,
            Form = form ?? new MediaDetailsForm { Alt = row.Alt, Caption = row.Caption, Credit = row.Credit },
            Variants = variants,
            Uses = await MediaUsage.OfAsync(db, id, cancellationToken),
            HeroAddress = Articles.ResponsiveImages.Of(variants)?.Fallback.Url,
        };
    }

    public async Task<bool> UpdateAsync(int id, MediaDetailsForm form, CancellationToken cancellationToken)
    {
        var item = await db.MediaItems.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (item is null)
        {
            return false;
        }

        item.Alt = Clean(form.Alt);
        item.Caption = Clean(form.Caption);
        item.Credit = Clean(form.Credit);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static IQueryable<MediaRowViewModel> Rows(IQueryable<MediaItem> items) =>
        items.Select(m => new
        {
            Item = m,
            Thumbnail = m.Variants.Where(v => v.Kind == "w" && v.Format == "webp").OrderBy(v => v.Width).FirstOrDefault(),
        }).Select(x => new MediaRowViewModel
        {
            Id = x.Item.Id,
            DisplayName = x.Item.DisplayName,
            Alt = x.Item.Alt,
            Caption = x.Item.Caption,
            Credit = x.Item.Credit,
            State = x.Item.State,
            Width = x.Item.Width,
            Height = x.Item.Height,
            CreatedAt = x.Item.CreatedAt,
            ThumbnailFile = x.Thumbnail == null ? null : x.Thumbnail.FileName,
            ThumbnailWidth = x.Thumbnail == null ? 0 : x.Thumbnail.Width,
            ThumbnailHeight = x.Thumbnail == null ? 0 : x.Thumbnail.Height,
        });
}
