namespace NewsPortal.IntegrationTests.Data.Seed;

/// <summary>
/// The sample content's photographs: generated at camera size with camera EXIF and GPS, put through the media pipeline
/// at the first start, and shown as the newest articles' heroes and in the newest article's body.
/// </summary>
public sealed class SamplePhotoTests : IAsyncLifetime
{
    private readonly string _root = MediaSite.NewRoot();
    private NewsPortalFactory _factory = null!;

    public ValueTask InitializeAsync()
    {
        _factory = new NewsPortalFactory();
        _factory.Settings["Seed:SampleContent"] = "true";
        _factory.Settings["Seed:SamplePhotos"] = "true";
        _factory.Settings["Media:Root"] = _root;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        MediaSite.DeleteRoot(_root);
    }

    [Fact]
    public void Generated_IsACameraSizedJpegWithCameraExifAndGps()
    {
        var bytes = SamplePhotos.Make(0);

        using var image = Image.NewFromBuffer(bytes);
        Assert.Equal((3000, 2000, "jpegload_buffer"), (image.Width, image.Height, (string)image.Get("vips-loader")));
        var fields = image.GetFields();
        Assert.Contains("exif-ifd3-GPSLatitude", fields);
        Assert.Contains("exif-ifd3-GPSLongitude", fields);
        Assert.Contains("exif-ifd2-BodySerialNumber", fields);
        Assert.Contains("exif-ifd0-Make", fields);
        // Noise and shapes, not a flat fill: it weighs what a photograph does.
        Assert.True(bytes.Length > 1_000_000, $"{bytes.Length} bytes");
    }

    [Fact]
    public async Task FirstStart_NewestArticlesHavePhotographHeroes_TheNewestThreeInline_AllStrippedOfMetadata()
    {
        var items = await MediaSite.WaitUntilProcessedAsync(_factory, SamplePhotos.Count);
        Assert.All(items, m => Assert.Equal(MediaState.Ready, m.State));
        Assert.All(items, m => Assert.Equal((3000, 2000), (m.Width, m.Height)));
        Assert.All(items, m => Assert.False(string.IsNullOrWhiteSpace(m.Alt)));

        var newest = await _factory.WithDbAsync(db => db.Articles.AsNoTracking().OrderByDescending(a => a.PublishedAt).Select(a => a.Slug).FirstAsync());
        var (response, page) = await Html.GetAsync(_factory.Browser(), $"/news/{newest}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("figure.hero picture source[type='image/avif']"));
        Assert.Equal(SamplePhotoSeeder.InlinePhotos, page.QuerySelectorAll(".article-body figure picture source[type='image/avif']").Length);

        var (_, front) = await Html.GetAsync(_factory.Browser(), "/");
        Assert.Equal("high", front.QuerySelector(".lead-image picture img")?.GetAttribute("fetchpriority"));
        Assert.True(front.QuerySelectorAll(".card-image picture").Length >= 2, "The next lead articles' cards show their photographs.");

        // What is served, read back: no EXIF, no GPS, no serial number.
        var client = _factory.CreateClient();
        foreach (var variant in items.SelectMany(m => m.Variants).Take(20))
        {
            var bytes = await client.GetByteArrayAsync(new Uri($"/media/{variant.FileName}", UriKind.Relative));
            Assert.Empty(MediaTestImages.MetadataFields(bytes));
            Assert.DoesNotContain("PRIVATE", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        }
    }
}
