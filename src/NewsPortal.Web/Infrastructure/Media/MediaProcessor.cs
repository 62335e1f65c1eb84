namespace NewsPortal.Web.Infrastructure.Media;

/// <summary>
/// Makes the variants of every image still <see cref="MediaState.Processing"/>: widths 480, 800, 1200 and 1600 (never
/// wider than the original) in AVIF, WebP and JPEG, and a 1200×630 JPEG crop for link previews. A row is claimed with
/// a lease (a conditional UPDATE, so two instances never work on one row at once) and marked ready, with its variant
/// rows, in one save after every file is written. A process killed half-way leaves the row processing and its lease
/// runs out; the next pass (on this instance after a restart, or another) redoes it. Files are named by their
/// content's hash, so redoing rewrites the same names. After <see cref="MaxAttempts"/> claims the row is marked failed.
/// </summary>
public sealed partial class MediaProcessor(NewsDbContext db, IMediaStore store, TimeProvider time, ILogger<MediaProcessor> logger)
{
    public static readonly IReadOnlyList<int> Widths = [480, 800, 1200, 1600];
    public const int SocialWidth = 1200;
    public const int SocialHeight = 630;
    public const int MaxAttempts = 3;

    /// <summary>Longer than any one image takes (about a second for a 3000×2000 photograph on two cores).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);


    /// <summary>Processes claimable rows until none is left; returns how many were finished or failed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var done = 0;
        var seen = new HashSet<int>();
        while (true)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var id = await db.MediaItems
                .Where(m => m.State == MediaState.Processing && (m.LeaseUntil == null || m.LeaseUntil < now) && !seen.Contains(m.Id))
                .OrderBy(m => m.Id).Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken);
            // One pass takes each row at most once: one that failed waits for its lease to run out.
            if (id is null || !seen.Add(id.Value))
            {
                return done;
            }

            var leaseUntil = now + Lease;
            var claimed = await db.MediaItems
                .Where(m => m.Id == id && m.State == MediaState.Processing && (m.LeaseUntil == null || m.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, leaseUntil).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
            if (claimed == 0)
            {
                // Another instance took it between the look and the claim.
                continue;
            }

            if (await ProcessAsync(id.Value, cancellationToken))
            {
                done++;
            }
        }
    }

    private async Task<bool> ProcessAsync(int id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var item = await db.MediaItems.Include(m => m.Variants).SingleAsync(m => m.Id == id, cancellationToken);
        if (item.Attempts > MaxAttempts)
        {
            LogGaveUp(logger, id, item.Attempts - 1);
            await FinishAsync(item, MediaState.Failed, [], cancellationToken);
            return true;
        }

        var original = await store.ReadOriginalAsync(item.OriginalName, cancellationToken);
        if (original is null)
        {
            LogOriginalMissing(logger, id, item.OriginalName);
            await FinishAsync(item, MediaState.Failed, [], cancellationToken);
            return true;
        }

        List<MediaVariant> variants;
        var started = time.GetTimestamp();
        try
        {
            variants = await MakeVariantsAsync(original, item.Width, cancellationToken);
        }
        catch (VipsException ex)
        {
            // Left processing with its lease: tried again when the lease runs out, failed after MaxAttempts.
            SiteMetrics.MediaProcessed(ready: false, time.GetElapsedTime(started));
            LogFailed(logger, ex, id, item.Attempts);
            return false;
        }

        SiteMetrics.MediaProcessed(ready: true, time.GetElapsedTime(started));

        await FinishAsync(item, MediaState.Ready, variants, cancellationToken);
        LogMade(logger, id, item.Width, item.Height, variants.Count, (long)time.GetElapsedTime(started).TotalMilliseconds);
        return true;
    }

    private async Task<List<MediaVariant>> MakeVariantsAsync(byte[] original, int sourceWidth, CancellationToken cancellationToken)
    {
        var widths = Widths.Where(w => w <= sourceWidth).ToList();
        if (sourceWidth < Widths[^1] && !widths.Contains(sourceWidth))
        {
            widths.Add(sourceWidth);
        }

        var variants = new List<MediaVariant>();
        foreach (var width in widths)
        {
            // Height is unbounded: only the width is asked for. Size.Down: never upscaled.
            using var thumbnail = Image.ThumbnailBuffer(original, width, height: 100_000, size: Enums.Size.Down);
            // The thumbnail streams from the source once; three encodings need its pixels three times.
            using var image = thumbnail.CopyMemory();
            variants.Add(await WriteAsync("w", "avif", image, image.HeifsaveBuffer(q: 55, compression: Enums.ForeignHeifCompression.Av1, effort: 2, keep: Enums.ForeignKeep.None), cancellationToken));
            variants.Add(await WriteAsync("w", "webp", image, image.WebpsaveBuffer(q: 78, keep: Enums.ForeignKeep.None), cancellationToken));
            variants.Add(await WriteAsync("w", "jpeg", image, image.JpegsaveBuffer(q: 80, interlace: true, optimizeCoding: true, keep: Enums.ForeignKeep.None), cancellationToken));
        }

        using (var social = Image.ThumbnailBuffer(original, SocialWidth, height: SocialHeight, crop: Enums.Interesting.Attention, size: Enums.Size.Down))
        {
            variants.Add(await WriteAsync("social", "jpeg", social, social.JpegsaveBuffer(q: 82, interlace: true, optimizeCoding: true, keep: Enums.ForeignKeep.None), cancellationToken));
        }

        return variants;
    }

    private async Task<MediaVariant> WriteAsync(string kind, string format, Image image, byte[] bytes, CancellationToken cancellationToken)
    {
        var extension = format == "jpeg" ? "jpg" : format;
        var name = $"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}.{extension}";
        await store.WriteVariantAsync(name, bytes, cancellationToken);
        return new MediaVariant { Kind = kind, Format = format, Width = image.Width, Height = image.Height, Bytes = bytes.Length, FileName = name };
    }

    private async Task FinishAsync(MediaItem item, MediaState state, List<MediaVariant> variants, CancellationToken cancellationToken)
    {
        item.Variants.Clear();
        item.Variants.AddRange(variants);
        item.State = state;
        item.LeaseUntil = null;
        item.ProcessedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Media {Id}: {Width}×{Height} made into {Count} variants in {Milliseconds} ms")]
    private static partial void LogMade(ILogger logger, int id, int width, int height, int count, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media {Id}: making its variants failed (attempt {Attempt}); tried again when its lease runs out")]
    private static partial void LogFailed(ILogger logger, Exception exception, int id, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Media {Id}: gave up after {Attempts} attempts; marked failed")]
    private static partial void LogGaveUp(ILogger logger, int id, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Media {Id}: its original {Name} is missing from the store; marked failed")]
    private static partial void LogOriginalMissing(ILogger logger, int id, string name);
}
