namespace NewsPortal.IntegrationTests.Features.AdminMedia;

/// <summary>
/// The editor's image picker (GET /admin/media/picker?q=): what it offers is what an article may show, so only ready
/// images with alt text, each with the ≤1200 px JPEG to insert and its size.
/// </summary>
public sealed class MediaPickerTests : IAsyncLifetime
{
    private readonly string _root = MediaSite.NewRoot();
    private NewsPortalFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = MediaSite.Create(_root, processing: false);
        await _factory.CreateStaffAsync("ed@test.example", Roles.Editor);
        await _factory.CreateStaffAsync("mod@test.example", Roles.Moderator);
        await _factory.WithDbAsync(async db =>
        {
            db.MediaItems.AddRange(
                Item("harbour.jpg", MediaState.Ready, "Boats in the harbour at dawn", "The harbour", "Photo: Jane Doe", 2000, 1333),
                Item("small.jpg", MediaState.Ready, "A lighthouse", null, null, 900, 600),
                Item("no-alt.jpg", MediaState.Ready, null, "No alt yet", null, 2000, 1333),
                Item("blank-alt.jpg", MediaState.Ready, "   ", null, null, 2000, 1333),
                Item("busy.jpg", MediaState.Processing, "Still processing", null, null, 2000, 1333),
                Item("broken.jpg", MediaState.Failed, "Failed harbour", null, null, 2000, 1333));
            await db.SaveChangesAsync();
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        MediaSite.DeleteRoot(_root);
    }

    internal static MediaItem Item(string name, MediaState state, string? alt, string? caption, string? credit, int width, int height)
    {
        var item = new MediaItem
        {
            OriginalName = $"{name}-original.jpg",
            DisplayName = name,
            SourceFormat = "jpeg",
            Width = width,
            Height = height,
            Alt = alt,
            Caption = caption,
            Credit = credit,
            State = state,
            CreatedAt = DateTime.UtcNow,
        };
        if (state == MediaState.Ready)
        {
            foreach (var w in new[] { 480, 800, 1200, 1600 }.Where(w => w <= width))
            {
                foreach (var format in new[] { "avif", "webp", "jpeg" })
                {
                    var ext = format == "jpeg" ? "jpg" : format;
                    item.Variants.Add(new MediaVariant { Kind = "w", Format = format, Width = w, Height = w * height / width, Bytes = 100, FileName = $"{name}-{w}.{ext}" });
                }
            }

            item.Variants.Add(new MediaVariant { Kind = "social", Format = "jpeg", Width = 1200, Height = 630, Bytes = 100, FileName = $"{name}-social.jpg" });
        }

        return item;
    }

    private static async Task<JsonElement> PickerAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync(new Uri("/admin/media/picker?q=" + Uri.EscapeDataString(query), UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        MediaSite.AssertStatus(HttpStatusCode.OK, response, body);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    private static List<string?> Alts(JsonElement items) => [.. items.EnumerateArray().Select(i => i.GetProperty("alt").GetString())];

    [Fact]
    public async Task Picker_ListsOnlyReadyImagesWithAltText_WithTheVariantToInsert()
    {
        var editor = await _factory.SignedInAsync("ed@test.example");

        var items = await PickerAsync(editor);

        Assert.Equal(["A lighthouse", "Boats in the harbour at dawn"], Alts(items).Order().ToList());
        var harbour = items.EnumerateArray().Single(i => i.GetProperty("alt").GetString() == "Boats in the harbour at dawn");
        Assert.Equal("/media/harbour.jpg-1200.jpg", harbour.GetProperty("src").GetString());
        Assert.Equal("/media/harbour.jpg-1200.webp", harbour.GetProperty("webp").GetString());
        Assert.Equal("/media/harbour.jpg-480.webp", harbour.GetProperty("thumbnail").GetString());
        Assert.Equal(1200, harbour.GetProperty("width").GetInt32());
        Assert.Equal(799, harbour.GetProperty("height").GetInt32());
        Assert.Equal("The harbour", harbour.GetProperty("caption").GetString());
        Assert.Equal("Photo: Jane Doe", harbour.GetProperty("credit").GetString());

        // Never upscaled: a 900 px original has no 1200 px variant, so its widest (800) is inserted.
        var lighthouse = items.EnumerateArray().Single(i => i.GetProperty("alt").GetString() == "A lighthouse");
        Assert.Equal("/media/small.jpg-800.jpg", lighthouse.GetProperty("src").GetString());
        Assert.Equal(800, lighthouse.GetProperty("width").GetInt32());
    }

    [Theory]
    [InlineData("HARBOUR", "Boats in the harbour at dawn")]
    [InlineData("jane doe", "Boats in the harbour at dawn")]
    [InlineData("small.jpg", "A lighthouse")]
    [InlineData("No alt yet", null)]
    [InlineData("100%", null)]
    public async Task Picker_SearchesAltCaptionCreditAndFileName(string query, string? expected)
    {
        var editor = await _factory.SignedInAsync("ed@test.example");

        var items = await PickerAsync(editor, query);

        Assert.Equal(expected is null ? [] : [expected], Alts(items));
    }

    [Fact]
    public async Task Picker_IsForEditorsAndAdminsOnly()
    {
        var moderator = await _factory.SignedInAsync("mod@test.example");
        var admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);

        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync(new Uri("/admin/media/picker", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await _factory.Browser().GetAsync(new Uri("/admin/media/picker", UriKind.Relative))).StatusCode);
        Assert.Equal(2, (await PickerAsync(admin)).GetArrayLength());
    }
}

/// <summary>
/// The reader's side of a picked image: an in-body image that names a media library variant is served as a
/// &lt;picture&gt; with every AVIF and WebP width, the JPEGs as fallback, its size and lazy loading; any other image
/// is left as stored.
/// </summary>
public sealed class MediaInArticleBodyTests : IAsyncLifetime
{
    private readonly string _root = MediaSite.NewRoot();
    private NewsPortalFactory _factory = null!;

    public ValueTask InitializeAsync()
    {
        _factory = MediaSite.Create(_root, processing: false);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        MediaSite.DeleteRoot(_root);
    }

    [Fact]
    public async Task ArticlePage_MediaImageInBody_IsAPictureWithAvifAndWebPAtEveryWidth()
    {
        const string body = "<p>Before.</p><figure><img src=\"/media/harbour.jpg-1200.jpg\" alt=\"Boats &amp; &quot;nets&quot;\" width=\"1200\" height=\"799\"><figcaption>The harbour <small>Photo: Jane Doe</small></figcaption></figure>"
            + "<figure><img src=\"/images/articles/harbour.svg\" alt=\"A drawing\"></figure><p><img src=\"/media/unknown.jpg\" alt=\"Gone\"></p>";
        var slug = await _factory.WithDbAsync(async db =>
        {
            db.MediaItems.Add(MediaPickerTests.Item("harbour.jpg", MediaState.Ready, "Boats", null, null, 2000, 1333));
            await db.SaveChangesAsync();
            return (await new ArticleBuilder().Body(body).SaveAsync(db)).Slug;
        });

        var (response, page) = await Html.GetAsync(_factory.Browser(), $"/news/{slug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pictures = page.QuerySelectorAll(".article-body picture");
        var picture = Assert.Single(pictures);
        Assert.Equal("FIGURE", picture.ParentElement!.TagName);
        var avif = picture.QuerySelector("source[type='image/avif']")!;
        var webp = picture.QuerySelector("source[type='image/webp']")!;
        Assert.Equal("/media/harbour.jpg-480.avif 480w, /media/harbour.jpg-800.avif 800w, /media/harbour.jpg-1200.avif 1200w, /media/harbour.jpg-1600.avif 1600w", avif.GetAttribute("srcset"));
        Assert.Equal("/media/harbour.jpg-480.webp 480w, /media/harbour.jpg-800.webp 800w, /media/harbour.jpg-1200.webp 1200w, /media/harbour.jpg-1600.webp 1600w", webp.GetAttribute("srcset"));
        Assert.False(string.IsNullOrEmpty(avif.GetAttribute("sizes")));
        var img = picture.QuerySelector("img")!;
        Assert.Equal("/media/harbour.jpg-1200.jpg", img.GetAttribute("src"));
        Assert.Equal("Boats & \"nets\"", img.GetAttribute("alt"));
        Assert.Equal("1200", img.GetAttribute("width"));
        Assert.Equal("799", img.GetAttribute("height"));
        Assert.Equal("lazy", img.GetAttribute("loading"));
        Assert.Contains("/media/harbour.jpg-1600.jpg 1600w", img.GetAttribute("srcset"), StringComparison.Ordinal);
        Assert.Equal("The harbour Photo: Jane Doe", page.QuerySelector(".article-body figure figcaption")!.TextContent);

        // Not a library variant: left as stored.
        Assert.NotNull(page.QuerySelector(".article-body img[src='/images/articles/harbour.svg']:not([loading])"));
        Assert.NotNull(page.QuerySelector(".article-body p > img[src='/media/unknown.jpg']"));
    }
}
