namespace NewsPortal.TestSupport;

/// <summary>Images made for the media tests: real ones from libvips, and hand-written bytes for what libvips would not write.</summary>
public static class MediaTestImages
{
    /// <summary>Text in the EXIF Make field, to look for in everything served.</summary>
    public const string CameraMarker = "SECRETCAM";

    /// <summary>A noisy RGB JPEG (noise, so it does not compress to nothing).</summary>
    public static byte[] Jpeg(int width, int height, int quality = 85)
    {
        using var noise = Image.Gaussnoise(width, height, mean: 128, sigma: 40);
        using var rgb = noise.Bandjoin(noise.Rot180(), noise.Flip(Enums.Direction.Horizontal)).Cast(Enums.BandFormat.Uchar);
        using var srgb = rgb.Copy(interpretation: Enums.Interpretation.Srgb);
        return srgb.JpegsaveBuffer(q: quality);
    }

    /// <summary>The same noise as WebP, AVIF, or a GIF of <paramref name="frames"/> frames stacked as libvips pages.</summary>
    public static byte[] Encoded(string format, int width, int height, int frames = 1)
    {
        using var noise = Image.Gaussnoise(width, height * frames, mean: 128, sigma: 40);
        using var rgb = noise.Bandjoin(noise, noise).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        using var paged = rgb.Mutate(m => m.Set(GValue.GIntType, "page-height", height));
        return format switch
        {
            "webp" => paged.WebpsaveBuffer(),
            "avif" => paged.HeifsaveBuffer(compression: Enums.ForeignHeifCompression.Av1, effort: 0),
            "gif" => paged.GifsaveBuffer(),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    public static byte[] Png(int width, int height)
    {
        using var noise = Image.Gaussnoise(width, height, mean: 128, sigma: 40);
        using var rgba = noise.Bandjoin(noise, noise, noise).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return rgba.PngsaveBuffer();
    }

    /// <summary>A PNG of a few dozen bytes whose header declares <paramref name="width"/> × <paramref name="height"/> RGB pixels.</summary>
    public static byte[] PngHeaderOnly(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour
        // A few bytes of a zlib stream: the decoder would want 50,000 × 50,000 × 3 bytes from it.
        byte[] idat = [0x78, 0x9C, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01];
        return [.. new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, .. Chunk("IHDR", ihdr), .. Chunk("IDAT", idat), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    /// <summary>PNG's CRC-32 (ISO 3309), over a chunk's type and data.</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>The metadata fields libvips reads from an encoded image that could carry a camera's or a place's data.</summary>
    public static List<string> MetadataFields(byte[] encoded)
    {
        using var image = Image.NewFromBuffer(encoded);
        return [.. image.GetFields().Where(f => f.StartsWith("exif-", StringComparison.Ordinal) || f is "xmp-data" or "iptc-data" or "orientation")];
    }
}
