namespace NewsPortal.UnitTests.Infrastructure.Compression;

public sealed class GzipWithHolesTests
{
    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static async Task<byte[]> WriteAsync(GzipWithHoles gzip, IReadOnlyList<byte[]> holes)
    {
        using var body = new MemoryStream();
        await gzip.WriteAsync(body, holes, CancellationToken.None);
        var bytes = body.ToArray();
        Assert.Equal(gzip.Length([.. holes.Select(h => h.Length)]), bytes.Length);
        return bytes;
    }

    private static byte[] Gunzip(byte[] compressed)
    {
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    [Fact]
    public async Task DecodesToThePiecesWithTheHolesFilled_AndTheHolesAreInTheStreamLiterally()
    {
        var shared = string.Concat(Enumerable.Repeat("<p>The harbour reopened after the storm.</p>\n", 400));
        var gzip = new GzipWithHoles([Bytes("<html>" + shared), Bytes("<input value=\""), Bytes("\">" + shared + "</html>")]);
        byte[][] holes = [Bytes("CfDJ8-token-of-one-reader_ABC"), Bytes("1765094400.77.abcdef")];

        var compressed = await WriteAsync(gzip, holes);

        Assert.Equal(
            "<html>" + shared + "CfDJ8-token-of-one-reader_ABC<input value=\"1765094400.77.abcdef\">" + shared + "</html>",
            Encoding.UTF8.GetString(Gunzip(compressed)));
        Assert.True(compressed.AsSpan().IndexOf(holes[0]) > 0, "The token is not in the stream as it is.");
        Assert.True(compressed.AsSpan().IndexOf(holes[1]) > 0, "The stamp is not in the stream as it is.");
        Assert.True(compressed.Length < shared.Length / 5, $"{compressed.Length} bytes for {2 * shared.Length}: the shared pieces were not compressed.");
    }

    [Fact]
    public async Task TwoReaders_DifferOnlyInTheirHolesAndTheChecksum()
    {
        var gzip = new GzipWithHoles([Bytes("<form><input value=\""), Bytes("\"></form>")]);

        var one = await WriteAsync(gzip, [Bytes("token-AAAAAAAAAAAAAAAA")]);
        var two = await WriteAsync(gzip, [Bytes("token-BBBBBBBBBBBBBBBB")]);

        Assert.Equal(one.Length, two.Length);
        var differing = Enumerable.Range(0, one.Length).Where(i => one[i] != two[i]).ToList();
        var hole = one.AsSpan().IndexOf(Bytes("token-A"));
        Assert.All(differing, i => Assert.True((i >= hole && i < hole + 22) || i >= one.Length - 8, $"Byte {i} differs outside the hole and the trailer."));
    }

    [Fact]
    public async Task AHoleLongerThanOneStoredBlock_IsSplit_AndEmptyPiecesAndHolesAreFine()
    {
        var big = Bytes(new string('x', 150_000));
        var gzip = new GzipWithHoles([[], Bytes("middle"), []]);

        var compressed = await WriteAsync(gzip, [big, []]);

        Assert.Equal(150_000 + 6, Gunzip(compressed).Length);
    }

    [Fact]
    public async Task AWrongChecksum_IsRejectedByTheDecoder_SoTheOthersProveTheChecksumRight()
    {
        var gzip = new GzipWithHoles([Bytes("<p>Text</p>"), Bytes("<p>More</p>")]);
        var compressed = await WriteAsync(gzip, [Bytes("hole")]);
        compressed[^8] ^= 0xff;

        Assert.ThrowsAny<InvalidDataException>(() => Gunzip(compressed));
    }

    [Theory]
    [MemberData(nameof(AcceptEncodings))]
    public void Accepted_FollowsTheAcceptEncodingHeader(string header, bool accepted)
    {
        var context = new DefaultHttpContext();
        if (header.Length > 0)
        {
            context.Request.Headers.AcceptEncoding = header;
        }

        Assert.Equal(accepted, GzipWithHoles.Accepted(context.Request));
    }

    public static TheoryData<string, bool> AcceptEncodings => new()
    {
        { "gzip", true },
        { "gzip, deflate, br, zstd", true },
        { "br;q=1.0, gzip;q=0.8", true },
        { "*", true },
        { "GZIP", true },
        { "gzip;q=0", false },
        { "br", false },
        { "identity", false },
        { "*;q=0", false },
        { "", false },
        { "gzip;q=nonsense", false },
    };
}
