namespace NewsPortal.IntegrationTests.Features.AdminMedia;

/// <summary>What the library refuses (with a message on the page, nothing stored, never a 5xx) and what it accepts.</summary>
public sealed class MediaUploadTests : IAsyncLifetime
{
    private const long MaxUploadBytes = 400 * 1024;

    private readonly string _root = MediaSite.NewRoot();
    private NewsPortalFactory _factory = null!;
    private HttpClient _admin = null!;

    public async ValueTask InitializeAsync()
    {
        // Processing off: these tests are about what the upload itself stores.
        _factory = MediaSite.Create(_root, processing: false);
        _factory.Settings["Media:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        MediaSite.DeleteRoot(_root);
    }

    public static TheoryData<string, string, string, string> BadFiles() => new()
    {
        { "svg", "drawing.svg", "image/svg+xml", "SVG images are not accepted" },
        { "svg-named-png", "drawing.png", "image/png", "SVG images are not accepted" },
        { "text-named-jpg", "photo.jpg", "image/jpeg", "This is not a JPEG, PNG, WebP, AVIF or GIF image" },
        { "truncated-jpeg", "cut.jpg", "image/jpeg", "The JPEG image is damaged or incomplete" },
        { "empty", "empty.jpg", "image/jpeg", "The file is empty." },
        { "bomb", "bomb.png", "image/png", "The image declares 50,000 × 50,000 pixels, more than the 50 megapixels accepted" },
    };

    private static byte[] Bytes(string kind) => kind switch
    {
        "svg" or "svg-named-png" => """<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"""u8.ToArray(),
        "text-named-jpg" => "Dear editor, this is a letter, not a photograph."u8.ToArray(),
        "truncated-jpeg" => MediaTestImages.Jpeg(400, 300) is var whole ? whole[..(whole.Length / 2)] : [],
        "empty" => [],
        "bomb" => MediaTestImages.PngHeaderOnly(50_000, 50_000),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Upload_BadFile_IsRefusedWithAMessageAndNothingIsStored(string kind, string fileName, string contentType, string message)
    {
        var response = await MediaSite.UploadAsync(_admin, (fileName, contentType, Bytes(kind)));
        var body = await response.Content.ReadAsStringAsync();

        MediaSite.AssertStatus(HttpStatusCode.UnprocessableEntity, response, body);
        var page = await Html.ParseAsync(response);
        var refusal = page.QuerySelector(".media-refusals li")?.TextContent ?? string.Empty;
        Assert.True(refusal.Contains(fileName + ": " + message, StringComparison.Ordinal), $"The page said: {refusal}");
        Assert.Equal(0, await _factory.WithDbAsync(db => db.MediaItems.CountAsync()));
        Assert.Empty(MediaSite.StoredFiles(_root));
    }

    [Fact]
    public async Task Upload_OneGoodOneBad_StoresTheGoodOneAndNamesTheBadOne()
    {
        var response = await MediaSite.UploadAsync(_admin,
            ("fine.jpg", "image/jpeg", MediaTestImages.Jpeg(300, 200)),
            ("letter.jpg", "image/jpeg", "not a picture"u8.ToArray()));
        var body = await response.Content.ReadAsStringAsync();

        MediaSite.AssertStatus(HttpStatusCode.OK, response, body);
        Assert.Contains("1 uploaded; these were not:", body, StringComparison.Ordinal);
        Assert.Contains("letter.jpg: This is not a JPEG", body, StringComparison.Ordinal);
        var item = Assert.Single(await _factory.WithDbAsync(db => db.MediaItems.ToListAsync()));
        Assert.Equal("fine.jpg", item.DisplayName);
    }

    [Fact]
    public async Task Upload_WebPAvifAndAnimatedGif_AreAcceptedByContentWhateverTheirNames_TheGifAsItsFirstFrame()
    {
        var gif = MediaTestImages.Encoded("gif", 60, 40, frames: 3);
        using (var allFrames = NetVips.Image.GifloadBuffer(gif, n: -1))
        {
            Assert.Equal(120, allFrames.Height);
        }

        var response = await MediaSite.UploadAsync(_admin,
            ("one.bin", "application/octet-stream", MediaTestImages.Encoded("webp", 120, 80)),
            ("two.jpg", "image/jpeg", MediaTestImages.Encoded("avif", 100, 70)),
            ("three.png", "image/png", gif));
        var body = await response.Content.ReadAsStringAsync();

        MediaSite.AssertStatus(HttpStatusCode.SeeOther, response, body);
        var items = await _factory.WithDbAsync(db => db.MediaItems.OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(
            [("one.bin", "webp", 120, 80), ("two.jpg", "avif", 100, 70), ("three.png", "gif", 60, 40)],
            items.Select(m => (m.DisplayName, m.SourceFormat, m.Width, m.Height)));
    }

    [Fact]
    public async Task Upload_OverTheSizeLimit_Is413BeforeTheBodyIsReadAndNothingIsStored()
    {
        var response = await MediaSite.UploadAsync(_admin, ("big.jpg", "image/jpeg", new byte[MaxUploadBytes + (128 * 1024)]));
        var body = await response.Content.ReadAsStringAsync();

        MediaSite.AssertStatus(HttpStatusCode.RequestEntityTooLarge, response, body);
        Assert.Contains("larger than this form accepts", body, StringComparison.Ordinal);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.MediaItems.CountAsync()));
        Assert.Empty(MediaSite.StoredFiles(_root));
    }

    [Fact]
    public async Task Upload_HostileFileNames_AreStoredUnderGeneratedNamesAndShownCleaned()
    {
        var png = MediaTestImages.Png(64, 48);
        var longName = new string('a', 296) + ".png";
        var response = await MediaSite.UploadAsync(_admin,
            ("../../../etc/passwd.png", "image/png", png),
            ("nul\0byte.png", "image/png", MediaTestImages.Png(64, 49)),
            (longName, "image/png", MediaTestImages.Png(64, 50)));
        var body = await response.Content.ReadAsStringAsync();

        MediaSite.AssertStatus(HttpStatusCode.SeeOther, response, body);
        var items = await _factory.WithDbAsync(db => db.MediaItems.OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(["passwd.png", "nulbyte.png", new string('a', MediaItem.DisplayNameMaxLength)], items.Select(m => m.DisplayName));
        Assert.All(items, m => Assert.Matches("^[0-9a-f]{64}\\.png$", m.OriginalName));
        Assert.All(MediaSite.StoredFiles(_root), f => Assert.Matches("^originals/[0-9a-f]{64}\\.png$", f.Replace('\\', '/')));
        Assert.Equal(3, MediaSite.StoredFiles(_root).Count());
    }

    [Fact]
    public async Task Upload_SameFileTwiceAtOnce_BothSucceedOverOneOriginal()
    {
        var jpeg = MediaTestImages.Jpeg(500, 400);
        var second = await _factory.SignedInAsync(StaffSessions.AdminEmail);

        var responses = await Task.WhenAll(
            MediaSite.UploadAsync(_admin, ("same.jpg", "image/jpeg", jpeg)),
            MediaSite.UploadAsync(second, ("same.jpg", "image/jpeg", jpeg)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        var items = await _factory.WithDbAsync(db => db.MediaItems.ToListAsync());
        Assert.Equal(2, items.Count);
        Assert.Single(items.Select(m => m.OriginalName).Distinct());
        Assert.Single(MediaSite.StoredFiles(_root));
    }

    [Fact]
    public async Task Library_WithoutAlt_SaysSoAndRefusesAnEmptyAlt_ThenSearchFindsWhatWasWritten()
    {
        await MediaSite.UploadAsync(_admin, ("first.jpg", "image/jpeg", MediaTestImages.Jpeg(120, 80)));
        await MediaSite.UploadAsync(_admin, ("second.png", "image/png", MediaTestImages.Png(80, 60)));
        var (_, library) = await Html.GetAsync(_admin, "/admin/media");
        var names = library.QuerySelectorAll(".media-item a").Select(a => a.TextContent).ToList();
        Assert.Equal(["second.png", "first.jpg"], names);
        Assert.Equal(2, library.QuerySelectorAll(".media-item .field-error").Count(e => e.TextContent.Contains("Needs alt text", StringComparison.Ordinal)));

        var id = await _factory.WithDbAsync(db => db.MediaItems.Where(m => m.DisplayName == "first.jpg").Select(m => m.Id).SingleAsync());
        var (_, details) = await Html.GetAsync(_admin, $"/admin/media/{id}");
        var form = details.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form.media-details")!;
        var refused = await Html.SubmitAsync(_admin, form, new Dictionary<string, string> { ["Alt"] = "   " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Describe the image for people who cannot see it.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await Html.SubmitAsync(_admin, form, new Dictionary<string, string> { ["Alt"] = "Fishing boats in the harbour at dawn", ["Credit"] = "Ana Lopes" });
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);

        foreach (var (q, expected) in new[] { ("harbour", "first.jpg"), ("lopes", "first.jpg"), ("second", "second.png") })
        {
            var (_, found) = await Html.GetAsync(_admin, $"/admin/media?q={q}");
            Assert.Equal([expected], found.QuerySelectorAll(".media-item a").Select(a => a.TextContent));
        }

        var (_, none) = await Html.GetAsync(_admin, "/admin/media?q=zebra");
        Assert.Empty(none.QuerySelectorAll(".media-item"));
    }

    [Fact]
    public async Task Library_IsForEditorsAndAdminsOnly()
    {
        await _factory.CreateStaffAsync("mod@test.example", NewsPortal.Web.Infrastructure.Identity.Roles.Moderator);
        await _factory.CreateStaffAsync("ed@test.example", NewsPortal.Web.Infrastructure.Identity.Roles.Editor);

        var moderator = await _factory.SignedInAsync("mod@test.example");
        var editor = await _factory.SignedInAsync("ed@test.example");

        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync(new Uri("/admin/media", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(new Uri("/admin/media", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await _factory.Browser().GetAsync(new Uri("/admin/media", UriKind.Relative))).StatusCode);
    }
}
