namespace NewsPortal.Web.Features.AdminMedia;

/// <summary>
/// Takes the files of one upload post: each is judged by <see cref="ImageIntake"/>, and an accepted one has its
/// cleaned original written to the store and a row saved as processing; the job then makes its variants. A refused
/// file stores nothing. The same file uploaded twice (even at once) gives two rows over one original: the original's
/// name is its hash, and the store's writes are atomic and idempotent.
/// </summary>
public sealed class UploadMedia(NewsDbContext db, ImageIntake intake, IMediaStore store, MediaWorkSignal signal, TimeProvider time)
{
    public async Task<(int Uploaded, IReadOnlyList<string> Refusals)> UploadAsync(IReadOnlyList<IFormFile> files, long maxBytes, string? userId, CancellationToken cancellationToken)
    {
        var refusals = new List<string>();
        var uploaded = 0;
        foreach (var file in files)
        {
            var displayName = ImageIntake.CleanDisplayName(file.FileName);
            if (file.Length > maxBytes)
            {
                refusals.Add($"{displayName}: larger than the {maxBytes / (1024.0 * 1024):0.#} MB accepted.");
                continue;
            }

            byte[] bytes;
            await using (var stream = file.OpenReadStream())
            using (var buffer = new MemoryStream((int)file.Length))
            {
                await stream.CopyToAsync(buffer, cancellationToken);
                bytes = buffer.ToArray();
            }

            var result = intake.Accept(bytes);
            if (result.Refusal is not null)
            {
                refusals.Add($"{displayName}: {result.Refusal}");
                continue;
            }

            await store.WriteOriginalAsync(result.OriginalName, result.Original, cancellationToken);
            db.MediaItems.Add(new MediaItem
            {
                OriginalName = result.OriginalName,
                DisplayName = displayName,
                SourceFormat = result.SourceFormat,
                Width = result.Width,
                Height = result.Height,
                Bytes = result.Original.Length,
                State = MediaState.Processing,
                CreatedAt = time.GetUtcNow().UtcDateTime,
                UploadedBy = userId,
            });
            uploaded++;
        }

        if (uploaded > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            signal.Raise();
        }

        return (uploaded, refusals);
    }
}
