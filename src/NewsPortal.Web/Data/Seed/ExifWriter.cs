namespace NewsPortal.Web.Data.Seed;

/// <summary>
/// Writes EXIF as a camera does: a little-endian TIFF structure (header, then the IFDs and values the caller lays out
/// from <see cref="FirstIfd"/>, offsets counted from the header) put into a JPEG as its APP1 segment, right after the
/// start marker. The sample photographs carry it so the media pipeline has real metadata to remove.
/// </summary>
public sealed class ExifWriter
{
    /// <summary>Where the first IFD starts, right after the 8-byte header.</summary>
    public const int FirstIfd = 8;

    private readonly List<byte> _tiff = [.. "II"u8];

    public ExifWriter()
    {
        U16(42);
        U32(FirstIfd);
    }

    public void U16(int value) => _tiff.AddRange([(byte)value, (byte)(value >> 8)]);

    public void U32(long value) => _tiff.AddRange([(byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24)]);

    /// <summary>One 12-byte IFD entry; <paramref name="value"/> is the value itself when it fits in four bytes, else its offset.</summary>
    public void Entry(int tag, int type, int count, long value)
    {
        U16(tag);
        U16(type);
        U32(count);
        U32(value);
    }

    public void Bytes(byte[] bytes) => _tiff.AddRange(bytes);

    /// <summary><paramref name="jpeg"/> with what was written as its EXIF (APP1) segment.</summary>
    public byte[] InsertInto(byte[] jpeg)
    {
        var payload = "Exif\0\0"u8.ToArray().Concat(_tiff).ToArray();
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(2 + payload.Length));
        payload.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }
}
