namespace NewsPortal.IntegrationTests.Infrastructure.Media;

/// <summary>The background job: the variants it makes, what they carry (no metadata), how they are served, and a restart.</summary>
public sealed class MediaProcessingTests : IAsyncDisposable
{
    private readonly string _root = MediaSite.NewRoot();
    private readonly List<NewsPortalFactory> _factories = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var factory in Enumerable.Reverse(_factories))
        {
            await factory.DisposeAsync();
        }

        MediaSite.DeleteRoot(_root);
    }

    private NewsPortalFactory Site(string? databasePath = null, TimeProvider? time = null, bool processing = true)
    {
        var factory = MediaSite.Create(_root, databasePath, time, processing);
        _factories.Add(factory);
        return factory;
    }

    [Fact]
    public async Task Upload_JpegWithExifGpsAndOrientation_IsServedUprightInEveryVariantWithNoMetadata()
    {
        var upload = ExifTestImages.WithExifGps(MediaTestImages.Jpeg(1700, 1000));
        // The input really carries what must go: libvips reads the GPS IFD, the camera and the orientation from it.
        var before = MediaTestImages.MetadataFields(upload);
        Assert.Contains(before, f => f.StartsWith("exif-ifd3-GPSLatitude", StringComparison.Ordinal));
        Assert.Contains("exif-ifd0-Make", before);
        Assert.Contains("orientation", before);
        var factory = Site();
        var admin = await factory.SignedInAsync(StaffSessions.AdminEmail);

        var response = await MediaSite.UploadAsync(admin, ("harbour.jpg", "image/jpeg", upload));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var item = Assert.Single(await MediaSite.WaitUntilProcessedAsync(factory, 1));

        Assert.Equal(MediaState.Ready, item.State);
        // Turned upright (orientation 6) before anything else: the stored original and every width are portrait.
        Assert.Equal((1000, 1700), (item.Width, item.Height));
        var widths = item.Variants.Where(v => v.Kind == "w").GroupBy(v => v.Width).OrderBy(g => g.Key).ToList();
        Assert.Equal([480, 800, 1000], widths.Select(g => g.Key));
        Assert.All(widths, g => Assert.Equal(["avif", "jpeg", "webp"], g.Select(v => v.Format).Order()));
        var social = Assert.Single(item.Variants, v => v.Kind == "social");
        Assert.True(social.Width <= MediaProcessor.SocialWidth && social.Height <= MediaProcessor.SocialHeight, $"{social.Width}×{social.Height}");

        var reader = factory.CreateClient();
        foreach (var variant in item.Variants)
        {
            var served = await reader.GetAsync(new Uri($"/media/{variant.FileName}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal(variant.Format switch { "avif" => "image/avif", "webp" => "image/webp", _ => "image/jpeg" }, served.Content.Headers.ContentType?.MediaType);
            Assert.Equal("public, max-age=31536000, immutable", served.Headers.CacheControl?.ToString());
            Assert.NotNull(served.Headers.ETag);
            var bytes = await served.Content.ReadAsByteArrayAsync();
            Assert.Empty(MediaTestImages.MetadataFields(bytes));
            Assert.DoesNotContain(MediaTestImages.CameraMarker, Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
            Assert.DoesNotContain("Exif\0\0", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
            using var image = Image.NewFromBuffer(bytes);
            Assert.Equal((variant.Width, variant.Height), (image.Width, image.Height));
            if (variant.Kind == "w")
            {
                Assert.True(image.Height > image.Width, $"{variant.FileName} is {image.Width}×{image.Height}, not upright");
            }
        }

        var original = await File.ReadAllBytesAsync(Path.Combine(_root, "originals", item.OriginalName), TestContext.Current.CancellationToken);
        Assert.Empty(MediaTestImages.MetadataFields(original));
        Assert.DoesNotContain(MediaTestImages.CameraMarker, Encoding.Latin1.GetString(original), StringComparison.Ordinal);

        // The library shows the smallest WebP as the thumbnail once processed.
        var (_, library) = await Html.GetAsync(admin, "/admin/media");
        var thumbnail = widths[0].Single(v => v.Format == "webp").FileName;
        Assert.Equal($"/media/{thumbnail}", library.QuerySelector(".media-item img")?.GetAttribute("src"));
    }

    [Fact]
    public async Task Processing_ImageNarrowerThanTheSmallestWidth_IsNeverUpscaled()
    {
        var factory = Site();
        var admin = await factory.SignedInAsync(StaffSessions.AdminEmail);

        await MediaSite.UploadAsync(admin, ("small.png", "image/png", MediaTestImages.Png(300, 200)));
        var item = Assert.Single(await MediaSite.WaitUntilProcessedAsync(factory, 1));

        Assert.Equal(MediaState.Ready, item.State);
        Assert.All(item.Variants, v => Assert.True(v.Width <= 300 && v.Height <= 200, $"{v.Kind} {v.Format} is {v.Width}×{v.Height}"));
        Assert.Equal([300], item.Variants.Where(v => v.Kind == "w").Select(v => v.Width).Distinct());
    }

    [Fact]
    public async Task Restart_RowLeftProcessingByAKilledProcess_IsFinishedByTheNextStart()
    {
        // The first instance never processes: it stands for a process killed after claiming the row.
        var first = Site(processing: false);
        var admin = await first.SignedInAsync(StaffSessions.AdminEmail);
        Assert.Equal(HttpStatusCode.SeeOther, (await MediaSite.UploadAsync(admin, ("dawn.jpg", "image/jpeg", MediaTestImages.Jpeg(900, 600)))).StatusCode);
        var (_, library) = await Html.GetAsync(admin, "/admin/media");
        Assert.Equal("Processing…", library.QuerySelector(".media-item .media-placeholder")?.TextContent);
        var claimedAt = DateTime.UtcNow;
        await first.WithDbAsync(db => db.MediaItems.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.LeaseUntil, claimedAt + MediaProcessor.Lease)
            .SetProperty(m => m.Attempts, 1)));
        // What a write killed half-way leaves behind in the folder.
        await File.WriteAllBytesAsync(Path.Combine(_root, "variants", ".0123abcd.jpg.deadbeef.tmp"), [0xFF, 0xD8], TestContext.Current.CancellationToken);

        // The next start, once the dead process's lease has run out.
        var next = Site(first.DatabasePath, new FakeTimeProvider(new DateTimeOffset(claimedAt) + MediaProcessor.Lease + TimeSpan.FromMinutes(1)));
        var item = Assert.Single(await MediaSite.WaitUntilProcessedAsync(next, 1));

        Assert.Equal(MediaState.Ready, item.State);
        Assert.Equal(2, item.Attempts);
        Assert.Null(item.LeaseUntil);
        Assert.Equal(10, item.Variants.Count);
        Assert.All(item.Variants, v => Assert.True(File.Exists(Path.Combine(_root, "variants", v.FileName)), $"{v.FileName} is missing"));
        var reader = next.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri("/media/.0123abcd.jpg.deadbeef.tmp", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task TwoInstancesOnOneFolder_EachImageIsProcessedOnceAndEitherServesIt()
    {
        var first = Site();
        var second = Site(first.DatabasePath);
        // The second instance looks every second, so both jobs compete for the rows.
        second.Settings["Media:ProcessingPollInterval"] = "00:00:01";
        var admin = await first.SignedInAsync(StaffSessions.AdminEmail);
        // Started before the upload, so both jobs are looking when the rows appear.
        await second.WithDbAsync(db => db.MediaItems.CountAsync());

        var response = await MediaSite.UploadAsync(admin,
            ("a.jpg", "image/jpeg", MediaTestImages.Jpeg(700, 500)),
            ("b.jpg", "image/jpeg", MediaTestImages.Jpeg(600, 400)),
            ("c.png", "image/png", MediaTestImages.Png(500, 300)));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var items = await MediaSite.WaitUntilProcessedAsync(second, 3);

        Assert.All(items, m => Assert.Equal((MediaState.Ready, 1), (m.State, m.Attempts)));
        var reader = second.CreateClient();
        foreach (var variant in items.SelectMany(m => m.Variants))
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri($"/media/{variant.FileName}", UriKind.Relative))).StatusCode);
        }
    }
}
