using Microsoft.Net.Http.Headers;

namespace NewsPortal.Web.Infrastructure.Compression;

/// <summary>
/// A page shared by every reader, gzip-compressed once, with holes for what is per reader (the antiforgery token, the
/// form stamp) that are sent as stored, never compressed, deflate blocks.
/// <para>
/// Why this is safe from BREACH: each shared piece is compressed by its own compressor, which never saw any other
/// piece or any hole, so no back-reference in the stream can point at a secret, and a secret's bytes never change the
/// length of anything else. The hole bytes go out literally (a test finds them in the compressed body). An attacker who
/// can put text into the shared pieces (a comment) learns nothing about another reader's token from the sizes.
/// </para>
/// <para>
/// Why it costs nothing per request: the pieces are compressed when the page is rendered, once per data version. A
/// request writes the 10-byte gzip header, the compressed pieces, a 5-byte stored-block header before each hole, a
/// final empty block, and the CRC-32 of what the reader decodes (computed over the uncompressed bytes: cheap next to
/// the write, and simpler than combining per-piece CRCs).
/// </para>
/// Brotli is not offered: independent brotli streams cannot be joined (each carries its own header and distance cache),
/// and every browser that sends <c>br</c> also sends <c>gzip</c>.
/// </summary>
public sealed class GzipWithHoles
{
    private static readonly byte[] Header = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];

    // A final, empty stored block: BFINAL=1, BTYPE=00, padded to the byte, LEN=0, NLEN=0xFFFF.
    private static readonly byte[] FinalBlock = [0x01, 0x00, 0x00, 0xff, 0xff];

    private readonly byte[][] _plain;
    private readonly byte[][] _compressed;

    /// <param name="pieces">The shared bytes between the holes; hole i comes after piece i (none after the last).</param>
    public GzipWithHoles(IReadOnlyList<byte[]> pieces)
    {
        _plain = [.. pieces];
        _compressed = [.. pieces.Select(Deflate)];
        CompressedBytes = _compressed.Sum(c => (long)c.Length);
    }

    /// <summary>The bytes kept for the compressed pieces, for the cache's size accounting.</summary>
    public long CompressedBytes { get; }

    /// <summary>Whether the request accepts gzip (by name or by <c>*</c>, with a quality above zero).</summary>
    public static bool Accepted(HttpRequest request)
    {
        var header = request.Headers.AcceptEncoding;
        if (header.Count == 0)
        {
            return false;
        }

        if (!StringWithQualityHeaderValue.TryParseList(header, out var codings))
        {
            return false;
        }

        double? gzip = null;
        double? any = null;
        foreach (var coding in codings)
        {
            var quality = coding.Quality ?? 1;
            if (coding.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) || coding.Value.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
            {
                gzip = Math.Max(gzip ?? 0, quality);
            }
            else if (coding.Value.Equals("*", StringComparison.Ordinal))
            {
                any = quality;
            }
        }

        return (gzip ?? any ?? 0) > 0;
    }

    /// <summary>The length of the gzip stream for holes of these lengths.</summary>
    public long Length(ReadOnlySpan<int> holeLengths)
    {
        var length = Header.Length + CompressedBytes + FinalBlock.Length + 8;
        foreach (var hole in holeLengths)
        {
            length += StoredLength(hole);
        }

        return length;
    }

    /// <summary>Writes the page with these holes (one per gap between pieces; an empty one writes nothing).</summary>
    public async Task WriteAsync(Stream body, IReadOnlyList<byte[]> holes, CancellationToken cancellationToken)
    {
        var crc = new Crc32();
        long size = 0;
        await body.WriteAsync(Header, cancellationToken);
        for (var i = 0; i < _compressed.Length; i++)
        {
            await body.WriteAsync(_compressed[i], cancellationToken);
            crc.Append(_plain[i]);
            size += _plain[i].Length;
            if (i < holes.Count && holes[i].Length > 0)
            {
                await WriteStoredAsync(body, holes[i], cancellationToken);
                crc.Append(holes[i]);
                size += holes[i].Length;
            }
        }

        var trailer = new byte[FinalBlock.Length + 8];
        FinalBlock.CopyTo(trailer, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer.AsSpan(FinalBlock.Length), crc.GetCurrentHashAsUInt32());
        BinaryPrimitives.WriteUInt32LittleEndian(trailer.AsSpan(FinalBlock.Length + 4), unchecked((uint)size));
        await body.WriteAsync(trailer, cancellationToken);
    }

    private static long StoredLength(int holeLength) =>
        holeLength == 0 ? 0 : holeLength + (5L * ((holeLength + ushort.MaxValue - 1) / ushort.MaxValue));

    private static async Task WriteStoredAsync(Stream body, byte[] bytes, CancellationToken cancellationToken)
    {
        for (var from = 0; from < bytes.Length; from += ushort.MaxValue)
        {
            var length = Math.Min(ushort.MaxValue, bytes.Length - from);
            var header = new byte[5];
            header[0] = 0x00; // BFINAL=0, BTYPE=00 (stored); the stream is byte-aligned after every piece
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(1), (ushort)length);
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(3), (ushort)~length);
            await body.WriteAsync(header, cancellationToken);
            await body.WriteAsync(bytes.AsMemory(from, length), cancellationToken);
        }
    }

    // A raw deflate stream for one piece, ended by a sync flush: byte-aligned, no final block, so the next piece (or a
    // stored block) can follow it. A fresh compressor per piece is what keeps holes out of every back-reference.
    private static byte[] Deflate(byte[] piece)
    {
        using var output = new MemoryStream(piece.Length / 4 + 64);
        var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true);
        deflate.Write(piece);
        deflate.Flush();
        var bytes = output.ToArray();

        // Disposing would append a final block; the bytes are already taken.
        deflate.Dispose();
        return bytes;
    }
}
