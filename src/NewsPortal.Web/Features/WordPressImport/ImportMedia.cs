namespace NewsPortal.Web.Features.WordPressImport;

/// <summary>
/// Image addresses of the old site to their media-library address here, matched by the path under uploads
/// (<c>2025/03/photo.jpg</c>), WordPress's resized copies (<c>photo-300x200.jpg</c>) included.
/// </summary>
public sealed partial class MediaMap(Dictionary<string, string> byUploadsPath)
{
    public static readonly MediaMap None = new(new Dictionary<string, string>(StringComparer.Ordinal));


    public int Count => byUploadsPath.Count;

    public string? Resolve(string url) =>
        byUploadsPath.Count > 0 && UploadsPath(url) is { } path && byUploadsPath.TryGetValue(path, out var local) ? local : null;

    /// <summary>"2025/03/photo.jpg" for any address or relative path of that upload or one of its resized copies.</summary>
    public static string? UploadsPath(string? urlOrPath)
    {
        if (string.IsNullOrWhiteSpace(urlOrPath))
        {
            return null;
        }

        var path = Uri.TryCreate(urlOrPath, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsolutePath : urlOrPath.Split('?', '#')[0];
        try
        {
            path = Uri.UnescapeDataString(path).Replace('\\', '/');
        }
        catch (UriFormatException)
        {
            return null;
        }

        var at = path.LastIndexOf("/uploads/", StringComparison.OrdinalIgnoreCase);
        path = at >= 0 ? path[(at + "/uploads/".Length)..] : path.TrimStart('/');
        return Resized().Replace(path, "$1").ToLowerInvariant();
    }

    [GeneratedRegex(@"-\d+x\d+(\.[A-Za-z0-9]+)$")]
    private static partial Regex Resized();
}

/// <summary>
/// Brings attachments' files from the uploads folder into the media library through its own intake (the same checks,
/// cleaning and variants as an upload in /admin/media), with their alt text and caption, then makes their variants
/// before posts are written, so bodies and heroes can point at them.
/// </summary>
public sealed class ImportMedia(IServiceProvider services, ImportBatchWriter run)
{
    public async Task<MediaMap> RunAsync(string folder, Action<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var intake = services.GetRequiredService<ImageIntake>();
        var store = services.GetRequiredService<IMediaStore>();
        var maxBytes = services.GetRequiredService<IOptions<MediaOptions>>().Value.MaxUploadBytes;
        var counts = run.Summary.Of("attachments (media library)");
        var root = Path.GetFullPath(folder);
        var attachments = run.Catalog.Attachments.Values.ToList();
        var known = await run.KnownAsync("attachment", [.. attachments.Select(a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))], cancellationToken);
        var mediaIds = new Dictionary<long, int>();
        var done = 0;
        foreach (var chunk in attachments.Chunk(50))
        {
            var added = new List<(WxrAttachment Attachment, MediaItem Item)>();
            foreach (var attachment in chunk)
            {
                var key = attachment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (known.TryGetValue(key, out var id))
                {
                    mediaIds[attachment.Id] = id;
                    counts.AlreadyImported++;
                    continue;
                }

                var relative = MediaMap.UploadsPath(attachment.File) ?? MediaMap.UploadsPath(attachment.Url);
                var file = relative is null ? null : Path.GetFullPath(Path.Combine(root, relative));
                if (file is null || !file.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file))
                {
                    counts.Skip("file not in the uploads folder");
                    continue;
                }

                if (new FileInfo(file).Length > maxBytes)
                {
                    counts.Skip("larger than Media:MaxUploadBytes");
                    continue;
                }

                var result = intake.Accept(await File.ReadAllBytesAsync(file, cancellationToken));
                if (result.Refusal is not null)
                {
                    counts.Skip("not an image the media library accepts");
                    continue;
                }

                counts.Imported++;
                if (run.Request.DryRun)
                {
                    continue;
                }

                await store.WriteOriginalAsync(result.OriginalName, result.Original, cancellationToken);
                added.Add((attachment, new MediaItem
                {
                    OriginalName = result.OriginalName,
                    DisplayName = ImageIntake.CleanDisplayName(Path.GetFileName(file)),
                    SourceFormat = result.SourceFormat,
                    Width = result.Width,
                    Height = result.Height,
                    Bytes = result.Original.Length,
                    Alt = Cut(WordPressContent.PlainText(attachment.Alt), MediaItem.AltMaxLength),
                    Caption = attachment.Caption is { } caption ? Cut(WordPressContent.PlainText(caption), MediaItem.CaptionMaxLength) : null,
                    State = MediaState.Processing,
                    CreatedAt = run.Now,
                    UploadedBy = null,
                }));
            }

            if (added.Count > 0)
            {
                await run.InBatchAsync(
                    async () =>
                    {
                        foreach (var (_, item) in added)
                        {
                            run.Db.MediaItems.Add(item);
                        }

                        await run.Db.SaveChangesAsync(cancellationToken);
                        foreach (var (attachment, item) in added)
                        {
                            run.Db.ImportedItems.Add(run.Key("attachment", attachment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), item.Id));
                            mediaIds[attachment.Id] = item.Id;
                        }

                        await run.Db.SaveChangesAsync(cancellationToken);
                    },
                    cancellationToken);
            }

            done += chunk.Length;
            progress?.Invoke(new ImportProgress("Pictures", done, attachments.Count));
        }

        if (run.Request.DryRun)
        {
            return MediaMap.None;
        }

        // Variants now, not later in the background: bodies name a variant's file.
        await services.GetRequiredService<MediaProcessor>().RunOnceAsync(cancellationToken);
        var ids = mediaIds.Values.Distinct().ToList();
        var variants = new Dictionary<int, string>();
        foreach (var chunk in ids.Chunk(1_000))
        {
            var list = chunk.ToList();
            foreach (var group in (await run.Db.MediaVariants.AsNoTracking()
                         .Where(v => list.Contains(v.MediaItemId) && v.Kind == "w")
                         .Select(v => new { v.MediaItemId, v.Width, v.Format, v.FileName })
                         .ToListAsync(cancellationToken)).GroupBy(v => v.MediaItemId))
            {
                var best = group.OrderBy(v => v.Format == "jpeg" ? 0 : 1).ThenByDescending(v => v.Width).First();
                variants[group.Key] = $"{MediaServiceCollectionExtensions.RequestPath}/{best.FileName}";
            }
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attachment in attachments)
        {
            if (mediaIds.TryGetValue(attachment.Id, out var id) && variants.TryGetValue(id, out var url))
            {
                foreach (var path in new[] { MediaMap.UploadsPath(attachment.File), MediaMap.UploadsPath(attachment.Url) })
                {
                    if (path is not null)
                    {
                        map[path] = url;
                    }
                }
            }
            else if (mediaIds.ContainsKey(attachment.Id))
            {
                counts.Note("could not be processed into variants");
            }
        }

        return new MediaMap(map);
    }

    private static string? Cut(string text, int max) => text.Length == 0 ? null : text.Length <= max ? text : text[..max].TrimEnd();
}
