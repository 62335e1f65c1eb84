namespace NewsPortal.Web.Infrastructure.Media;

/// <summary>What an upload became: either a stored-ready original or the reason it was refused.</summary>
public sealed record IntakeResult(string? Refusal, byte[] Original, string OriginalName, string SourceFormat, int Width, int Height)
{
    public static IntakeResult Refused(string reason) => new(reason, [], string.Empty, string.Empty, 0, 0);
}

/// <summary>
/// Decides what an uploaded file is from its bytes alone (the name and the client's Content-Type are never asked),
/// refuses what is not a JPEG, PNG, WebP, AVIF or GIF, checks the declared size against <c>Media:MaxPixels</c> on the
/// header before any pixel is decoded, then decodes it whole (so a damaged file is refused now, not in the job),
/// turns it upright, converts it to sRGB and re-encodes it without metadata (EXIF, GPS, XMP, IPTC, ICC).
/// </summary>
public sealed class ImageIntake(IOptions<MediaOptions> options) : IDisposable
{
    private readonly MediaOptions _options = options.Value;

    /// <summary>
    /// One decode at a time per instance: turning a photograph upright decodes it whole (18 MB for 3000×2000, plus
    /// libvips' buffers), and four uploads at once would otherwise hold four of those together (tests/load/media-bench.sh).
    /// </summary>
    private readonly SemaphoreSlim _decoding = new(1, 1);

    public void Dispose() => _decoding.Dispose();

    public IntakeResult Accept(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return IntakeResult.Refused("The file is empty.");
        }

        var format = Sniff(bytes);
        if (format is null)
        {
            return IntakeResult.Refused(LooksLikeSvg(bytes)
                ? "SVG images are not accepted: they can carry script. Upload a JPEG, PNG, WebP, AVIF or GIF."
                : "This is not a JPEG, PNG, WebP, AVIF or GIF image (judged by its content, not its name).");
        }

        _decoding.Wait();
        try
        {
            // Only the loader for the sniffed format runs: no other libvips loader ever sees an upload.
            using var loaded = Load(format, bytes);
            if ((long)loaded.Width * loaded.Height > _options.MaxPixels)
            {
                return IntakeResult.Refused(
                    $"The image declares {loaded.Width:N0} × {loaded.Height:N0} pixels, more than the {_options.MaxPixels / 1_000_000.0:0.#} megapixels accepted.");
            }

            using var upright = loaded.Autorot();
            using var srgb = ToSrgb(upright);
            var hasAlpha = srgb.HasAlpha();
            var original = hasAlpha
                ? srgb.PngsaveBuffer(keep: Enums.ForeignKeep.None)
                : srgb.JpegsaveBuffer(q: 92, keep: Enums.ForeignKeep.None);
            var name = $"{Convert.ToHexStringLower(SHA256.HashData(original))}.{(hasAlpha ? "png" : "jpg")}";
            return new IntakeResult(null, original, name, format, srgb.Width, srgb.Height);
        }
        catch (VipsException)
        {
            return IntakeResult.Refused($"The {format.ToUpperInvariant()} image is damaged or incomplete and could not be read.");
        }
        finally
        {
            _decoding.Release();
        }
    }

    /// <summary>The upload's own name, made safe to show: no folders, no control characters, not too long.</summary>
    public static string CleanDisplayName(string? fileName)
    {
        var lastSegment = (fileName ?? string.Empty).Replace('\\', '/').Split('/')[^1];
        var builder = new StringBuilder(lastSegment.Length);
        foreach (var c in lastSegment.Where(c => !char.IsControl(c) && c is not ('\u2028' or '\u2029' or '\u202E' or '\u202D')))
        {
            builder.Append(c);
        }

        var cleaned = builder.ToString().Trim().TrimStart('.');
        if (cleaned.Length > Domain.MediaItem.DisplayNameMaxLength)
        {
            cleaned = cleaned[..Domain.MediaItem.DisplayNameMaxLength];
        }

        return cleaned.Length == 0 ? "image" : cleaned;
    }

    internal static string? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "jpeg";
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "png";
        }

        if (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8))
        {
            return "gif";
        }

        if (b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8))
        {
            return "webp";
        }

        if (b.Length >= 16 && b[4..8].SequenceEqual("ftyp"u8))
        {
            // The ftyp box: a major brand, a minor version, then compatible brands. AVIF names avif or avis there.
            var boxEnd = Math.Min(b.Length, (int)Math.Min(int.MaxValue, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(b)));
            if (IsAvifBrand(b[8..12]))
            {
                return "avif";
            }

            for (var i = 16; i + 4 <= boxEnd; i += 4)
            {
                if (IsAvifBrand(b[i..(i + 4)]))
                {
                    return "avif";
                }
            }
        }

        return null;
    }

    private static bool IsAvifBrand(ReadOnlySpan<byte> brand) => brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8);

    private static bool LooksLikeSvg(byte[] bytes)
    {
        var head = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        return head.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }

    private static Image Load(string format, byte[] bytes) => format switch
    {
        // FailOn.Error: a truncated or corrupt file fails when decoded instead of coming out grey at the bottom.
        "jpeg" => Image.JpegloadBuffer(bytes, failOn: Enums.FailOn.Error),
        "png" => Image.PngloadBuffer(bytes, failOn: Enums.FailOn.Error),
        "gif" => Image.GifloadBuffer(bytes, n: 1, failOn: Enums.FailOn.Error),
        "webp" => Image.WebploadBuffer(bytes, failOn: Enums.FailOn.Error),
        "avif" => Image.HeifloadBuffer(bytes, failOn: Enums.FailOn.Error),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    private static Image ToSrgb(Image image)
    {
        if (image.Contains("icc-profile-data"))
        {
            try
            {
                using var transformed = image.IccTransform("srgb", embedded: true, intent: Enums.Intent.Perceptual);
                return transformed.Cast(Enums.BandFormat.Uchar);
            }
            catch (VipsException)
            {
                // A broken embedded profile: fall back to the colourspace libvips reads from the header.
            }
        }

        using var converted = image.Colourspace(Enums.Interpretation.Srgb);
        return converted.Cast(Enums.BandFormat.Uchar);
    }
}
