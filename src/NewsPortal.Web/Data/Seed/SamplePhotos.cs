namespace NewsPortal.Web.Data.Seed;

/// <summary>
/// Photographs for the sample content, made rather than shipped (the repository stays small): 3000×2000 JPEGs, a
/// camera's size, of a sky gradient, a sun, a sea, a skyline of blocks and sensor-like noise, so they weigh what a
/// photograph weighs. Each carries EXIF as a camera writes it (make, model, serial number, GPS position), so the
/// sample site shows the media pipeline removing real metadata.
/// </summary>
public static class SamplePhotos
{
    public const int Width = 3000;
    public const int Height = 2000;

    /// <summary>Sky top, sky bottom, sea, sun; one palette per photograph.</summary>
    private static readonly (double[] Top, double[] Bottom, double[] Sea, double[] Sun, string Scene)[] Palettes =
    [
        ([40, 70, 140], [250, 170, 90], [20, 60, 90], [255, 220, 120], "an orange sunrise over a dark blue sea, with a skyline of blocks on the shore"),
        ([90, 150, 220], [200, 225, 245], [30, 110, 140], [255, 250, 220], "a pale midday sun in a blue sky over a green-blue sea and a row of buildings"),
        ([60, 30, 90], [230, 90, 80], [40, 30, 60], [255, 160, 90], "a red and purple sunset over a dark sea, buildings in silhouette"),
        ([120, 130, 140], [190, 195, 200], [70, 80, 90], [230, 230, 225], "a grey overcast sky over a grey sea, a dim sun and a line of buildings"),
        ([20, 40, 80], [120, 150, 200], [10, 30, 60], [240, 240, 255], "a white moon in a deep blue evening sky over the sea and a lit skyline"),
        ([150, 200, 240], [240, 230, 200], [60, 140, 160], [255, 240, 180], "a bright morning over a turquoise sea with a low skyline"),
    ];

    public static int Count => Palettes.Length;

    public static string Description(int index) => $"Sample photograph: {Palettes[index % Palettes.Length].Scene}";

    /// <summary>A JPEG of <see cref="Width"/> × <see cref="Height"/> with camera EXIF and a GPS position.</summary>
    public static byte[] Make(int index)
    {
        var (top, bottom, sea, sun, _) = Palettes[index % Palettes.Length];
        var random = new Random(index + 1);
        using var xy = Image.Xyz(Width, Height);
        using var x = xy[0];
        using var y = xy[1];
        var horizon = Height * (0.55 + (0.1 * random.NextDouble()));
        using var t = y / horizon;
        using var r = (t * (bottom[0] - top[0])) + top[0];
        using var g = (t * (bottom[1] - top[1])) + top[1];
        using var b = (t * (bottom[2] - top[2])) + top[2];
        Image picture = r.Bandjoin(g, b);

        var (sunX, sunY, sunR) = (Width * (0.2 + (0.6 * random.NextDouble())), horizon * (0.3 + (0.4 * random.NextDouble())), 120 + (120 * random.NextDouble()));
        picture = Paint(picture, ((x - sunX) * (x - sunX)) + ((y - sunY) * (y - sunY)) < sunR * sunR, sun);
        picture = Paint(picture, y > horizon, sea);
        for (var i = 0; i < 14; i++)
        {
            var left = Width * random.NextDouble();
            var right = left + 60 + (220 * random.NextDouble());
            var roof = horizon - 40 - (360 * random.NextDouble());
            var shade = 20 + (40 * random.NextDouble());
            picture = Paint(picture, (x > left) & (x < right) & (y > roof) & (y < horizon + 10), [shade, shade * 0.9, shade * 1.1]);
        }

        using var noise = Image.Gaussnoise(Width, Height, mean: 0, sigma: 9);
        using var noisy = picture + noise;
        picture.Dispose();
        using var pixels = noisy.Cast(Enums.BandFormat.Uchar);
        using var srgb = pixels.Copy(interpretation: Enums.Interpretation.Srgb);
        var jpeg = srgb.JpegsaveBuffer(q: 90, keep: Enums.ForeignKeep.None);
        var latitude = 50 + random.NextDouble() * 8;
        var longitude = -6 + random.NextDouble() * 8;
        return WithCameraExif(jpeg, index, latitude, longitude);
    }

    private static Image Paint(Image picture, Image mask, double[] colour)
    {
        using (mask)
        {
            var painted = mask.Ifthenelse(colour, picture);
            picture.Dispose();
            return painted;
        }
    }

    /// <summary>
    /// <paramref name="jpeg"/> with an EXIF segment (APP1) after its start marker: Make, Model, an Exif IFD with the body
    /// serial number, and a GPS IFD with latitude and longitude (degrees, minutes, seconds), as a phone writes them.
    /// </summary>
    private static byte[] WithCameraExif(byte[] jpeg, int index, double latitude, double longitude)
    {
        var make = Encoding.ASCII.GetBytes("NewsPortal Sample Camera\0");
        var model = Encoding.ASCII.GetBytes("Generated 3000\0");
        var serial = Encoding.ASCII.GetBytes($"SN-{index + 1:D6}-PRIVATE\0");
        var ifd0End = ExifWriter.FirstIfd + 2 + (5 * 12) + 4;
        var makeAt = ifd0End;
        var modelAt = makeAt + make.Length;
        var exifAt = modelAt + model.Length;
        var serialAt = exifAt + 2 + 12 + 4;
        var gpsAt = serialAt + serial.Length;
        var latitudeAt = gpsAt + 2 + (4 * 12) + 4;
        var longitudeAt = latitudeAt + 24;

        var exif = new ExifWriter();
        exif.U16(5);
        exif.Entry(0x010F, 2, make.Length, makeAt);
        exif.Entry(0x0110, 2, model.Length, modelAt);
        exif.Entry(0x0112, 3, 1, 1); // Orientation: upright
        exif.Entry(0x8769, 4, 1, exifAt);
        exif.Entry(0x8825, 4, 1, gpsAt);
        exif.U32(0);
        exif.Bytes(make);
        exif.Bytes(model);
        exif.U16(1);
        exif.Entry(0xA431, 2, serial.Length, serialAt); // BodySerialNumber
        exif.U32(0);
        exif.Bytes(serial);
        exif.U16(4);
        exif.Entry(0x0001, 2, 2, latitude >= 0 ? 'N' : 'S');
        exif.Entry(0x0002, 5, 3, latitudeAt);
        exif.Entry(0x0003, 2, 2, longitude >= 0 ? 'E' : 'W');
        exif.Entry(0x0004, 5, 3, longitudeAt);
        exif.U32(0);
        foreach (var degrees in new[] { Math.Abs(latitude), Math.Abs(longitude) })
        {
            var minutes = (degrees - Math.Floor(degrees)) * 60;
            var seconds = (minutes - Math.Floor(minutes)) * 60;
            foreach (var (numerator, denominator) in new[] { ((long)Math.Floor(degrees), 1L), ((long)Math.Floor(minutes), 1L), ((long)Math.Round(seconds * 100), 100L) })
            {
                exif.U32(numerator);
                exif.U32(denominator);
            }
        }

        return exif.InsertInto(jpeg);
    }
}
