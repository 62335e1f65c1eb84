namespace NewsPortal.IntegrationTests.Infrastructure.Security;

/// <summary>
/// Content:ImageOrigins is the one list of other sites article images may come from: the editor may save an image
/// from them (and only from them), and readers' browsers are allowed to load it (the page's img-src).
/// </summary>
public sealed class ImageOriginTests(ImageOriginTests.Factory factory) : IClassFixture<ImageOriginTests.Factory>
{
    private const string Allowed = "https://images.example.com";
    private const string Editor = "image-editor@test.example";

    public sealed class Factory : NewsPortalFactory
    {
        private bool _seeded;

        public Factory() => Settings["Content:ImageOrigins:0"] = Allowed + "/";

        public async Task<HttpClient> EditorAsync()
        {
            if (!_seeded)
            {
                _seeded = true;
                await this.CreateStaffAsync(Editor, Roles.Editor);
            }

            return await this.SignedInAsync(Editor);
        }
    }

    private async Task<HttpResponseMessage> PublishAsync(string headline, string body, string? heroImage)
    {
        var editor = await factory.EditorAsync();
        var values = await StoryFields.NewAsync(factory, headline, body);
        values["HeroImageUrl"] = heroImage ?? string.Empty;
        values["HeroImageAlt"] = heroImage is null ? string.Empty : "The harbour at dawn";
        var (_, page) = await Html.GetAsync(editor, "/admin/articles/new");
        var form = page.QuerySelector<IHtmlFormElement>("form.article-editor")!;
        var fields = Html.FormValues(form, values);
        fields.Add(new("intent", "Publish"));
        return await Html.PostAsync(editor, Html.ActionOf(form), fields);
    }

    private Task<bool> StoredAsync(string headline) => factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Headline == headline));

    [Fact]
    public async Task HeroAndBodyImages_FromAnAllowedOrigin_AreSavedAndTheReaderPageMayLoadThem()
    {
        var headline = $"Harbour at dawn {Guid.NewGuid():N}";

        var saved = await PublishAsync(headline, $"<p>Text.</p><img src=\"{Allowed}/body.jpg\" alt=\"Boats\">", $"{Allowed}/hero.jpg");

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var slug = await factory.WithDbAsync(db => db.Articles.Where(a => a.Headline == headline).Select(a => a.Slug).SingleAsync());
        var (response, page) = await Html.GetAsync(factory.CreateClient(), $"/news/{slug}");
        Assert.NotNull(page.QuerySelector($"img[src='{Allowed}/hero.jpg']"));
        Assert.NotNull(page.QuerySelector($"img[src='{Allowed}/body.jpg']"));
        var imgSrc = response.Headers.GetValues("Content-Security-Policy").Single().Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("img-src ", StringComparison.Ordinal));
        Assert.Equal($"img-src 'self' data: {Allowed}", imgSrc);
    }

    [Theory]
    [InlineData("https://elsewhere.example/hero.jpg")]
    [InlineData("https://images.example.com.evil.example/hero.jpg")]
    public async Task HeroImage_FromAnotherSite_IsRefusedWithAMessageAndNothingIsStored(string url)
    {
        var headline = $"Hero elsewhere {Guid.NewGuid():N}";

        var response = await PublishAsync(headline, "<p>Text.</p>", url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(
            $"Images from other sites can only come from {Allowed}. Use one of those or a path on this site, or ask an administrator to add the image's site to Content:ImageOrigins.",
            page.QuerySelector("#HeroImageUrl-error")!.TextContent.Trim());
        Assert.Equal(url, page.QuerySelector<IHtmlInputElement>("#HeroImageUrl")!.Value);
        Assert.False(await StoredAsync(headline));
    }

    [Fact]
    public async Task BodyImage_FromAnotherSite_IsRefusedWithAMessageAndTheBodyIsKept()
    {
        var headline = $"Body elsewhere {Guid.NewGuid():N}";
        var body = "<p>Text.</p><img src=\"https://elsewhere.example/body.jpg\" alt=\"Boats\">";

        var response = await PublishAsync(headline, body, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Not allowed: https://elsewhere.example/body.jpg.", page.QuerySelector("#BodyHtml-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(body, page.QuerySelector<IHtmlTextAreaElement>("#BodyHtml")!.Value);
        Assert.False(await StoredAsync(headline));
    }
}
