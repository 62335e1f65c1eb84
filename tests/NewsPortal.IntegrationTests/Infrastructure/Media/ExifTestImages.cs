namespace NewsPortal.IntegrationTests.Infrastructure.Media;

/// <summary>A JPEG with the metadata a phone writes, through the same EXIF writer as the sample photographs.</summary>
internal static class ExifTestImages
{
    /// <summary>
    /// <paramref name="jpeg"/> with an EXIF segment (APP1) right after its start marker: Make = <see cref="MediaTestImages.CameraMarker"/>,
    /// Orientation = 6 (turn 90° clockwise to show), and a GPS IFD with a latitude (51° 30′ 0″ N).
    /// </summary>
    public static byte[] WithExifGps(byte[] jpeg)
    {
        const int makeAt = ExifWriter.FirstIfd + 2 + (3 * 12) + 4, gpsAt = makeAt + 10, latitudeAt = gpsAt + 2 + (2 * 12) + 4;
        var exif = new ExifWriter();
        exif.U16(3);
        exif.Entry(0x010F, 2, 10, makeAt); // Make, ASCII
        exif.Entry(0x0112, 3, 1, 6); // Orientation, SHORT, in the value field
        exif.Entry(0x8825, 4, 1, gpsAt); // GPS IFD pointer
        exif.U32(0);
        exif.Bytes(System.Text.Encoding.ASCII.GetBytes(MediaTestImages.CameraMarker + "\0"));
        exif.U16(2);
        exif.Entry(0x0001, 2, 2, 'N'); // GPSLatitudeRef "N\0", in the value field
        exif.Entry(0x0002, 5, 3, latitudeAt); // GPSLatitude, 3 RATIONALs
        exif.U32(0);
        foreach (var (numerator, denominator) in new[] { (51, 1), (30, 1), (0, 1) })
        {
            exif.U32(numerator);
            exif.U32(denominator);
        }

        return exif.InsertInto(jpeg);
    }

}
