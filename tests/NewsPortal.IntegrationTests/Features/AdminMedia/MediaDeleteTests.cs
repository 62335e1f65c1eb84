namespace NewsPortal.IntegrationTests.Features.AdminMedia;

/// <summary>
/// An image's page says where it is used (articles whose hero or body names one of its variants), and deleting it is
/// refused while a published article uses it.
/// </summary>
public sealed class MediaDeleteTests : IAsyncLifetime
{
    private readonly string _root = MediaSite.NewRoot();
    private NewsPortalFactory _factory = null!;
    private HttpClient _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = MediaSite.Create(_root, processing: false);
        _admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        MediaSite.DeleteRoot(_root);
    }

    /// <summary>A ready image whose variant files exist in the store, as the job leaves them.</summary>
    private async Task<int> ImageAsync(string name)
    {
        var item = MediaPickerTests.Item(name, MediaState.Ready, "Boats", null, null, 2000, 1333);
        Directory.CreateDirectory(Path.Combine(_root, "variants"));
        Directory.CreateDirectory(Path.Combine(_root, "originals"));
        foreach (var variant in item.Variants)
        {
            await File.WriteAllBytesAsync(Path.Combine(_root, "variants", variant.FileName), [1, 2, 3]);
        }

        await File.WriteAllBytesAsync(Path.Combine(_root, "originals", item.OriginalName), [1, 2, 3]);
        return await _factory.WithDbAsync(async db =>
        {
            db.MediaItems.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });
    }

    private Task<int> ArticleAsync(ArticleBuilder builder, string? hero) => _factory.WithDbAsync(async db =>
    {
        var article = await builder.SaveAsync(db);
        article.HeroImageUrl = hero;
        article.HeroImageAlt = hero is null ? null : "Boats";
        await db.SaveChangesAsync();
        return article.Id;
    });

    private async Task<HttpResponseMessage> DeleteAsync(int id)
    {
        var (_, page) = await Html.GetAsync(_admin, $"/admin/media/{id}");
        var form = page.QuerySelector<IHtmlFormElement>("form.media-delete") ?? throw new Xunit.Sdk.XunitException($"No delete form: {page.QuerySelector("main")?.TextContent}");
        return await Html.SubmitAsync(_admin, form);
    }

    [Fact]
    public async Task Details_ListsArticlesUsingItAsHeroOrInTheBody_AndNotOthers()
    {
        var id = await ImageAsync("harbour.jpg");
        await ImageAsync("other.jpg");
        await ArticleAsync(new ArticleBuilder().Headline("Hero story"), "/media/harbour.jpg-1200.jpg");
        await ArticleAsync(new ArticleBuilder().Headline("Body draft").Draft()
            .Body("<figure><img src=\"/media/harbour.jpg-800.webp\" alt=\"Boats\"></figure>"), null);
        await ArticleAsync(new ArticleBuilder().Headline("Other image").Body("<p><img src=\"/media/other.jpg-800.jpg\" alt=\"x\"></p>"), "/media/other.jpg-1200.jpg");
        await ArticleAsync(new ArticleBuilder().Headline("Mentions the name as text").Body("<p>harbour.jpg-800.webp</p>"), null);

        var (response, page) = await Html.GetAsync(_admin, $"/admin/media/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var uses = page.QuerySelectorAll(".media-uses li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(2, uses.Count);
        Assert.Contains(uses, u => u.StartsWith("Body draft", StringComparison.Ordinal) && u.Contains("Draft", StringComparison.Ordinal) && u.EndsWith("body", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.StartsWith("Hero story", StringComparison.Ordinal) && u.Contains("Published", StringComparison.Ordinal) && u.EndsWith("hero", StringComparison.Ordinal));
        Assert.Equal("/media/harbour.jpg-1200.jpg", page.QuerySelector<IHtmlInputElement>("#hero-address")!.Value);
        Assert.Null(page.QuerySelector("form.media-delete"));
    }

    [Fact]
    public async Task Delete_UsedByAPublishedArticle_IsRefusedWithItsHeadlineAndNothingIsRemoved()
    {
        var id = await ImageAsync("harbour.jpg");
        var (_, page) = await Html.GetAsync(_admin, $"/admin/media/{id}");
        var form = page.QuerySelector<IHtmlFormElement>("form.media-delete")!;
        // Published after the editor opened the page: the delete is checked again when it is posted.
        await ArticleAsync(new ArticleBuilder().Headline("Now on the front page").Body("<p><img src=\"/media/harbour.jpg-1600.avif\" alt=\"Boats\"></p>"), null);

        var response = await Html.SubmitAsync(_admin, form);
        var body = await response.Content.ReadAsStringAsync();

        MediaSite.AssertStatus(HttpStatusCode.Conflict, response, body);
        var refusal = (await Html.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("used by a published article, “Now on the front page”", refusal, StringComparison.Ordinal);
        Assert.True(await _factory.WithDbAsync(db => db.MediaItems.AnyAsync(m => m.Id == id)));
        Assert.Equal(14, Directory.GetFiles(Path.Combine(_root, "variants")).Length + Directory.GetFiles(Path.Combine(_root, "originals")).Length);
    }

    [Fact]
    public async Task Delete_UsedOnlyByADraftHero_RemovesTheImageItsFilesAndTheDraftsHero()
    {
        var id = await ImageAsync("harbour.jpg");
        var draft = await ArticleAsync(new ArticleBuilder().Headline("Draft with hero").Draft(), "/media/harbour.jpg-1200.jpg");

        var response = await DeleteAsync(id);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.False(await _factory.WithDbAsync(db => db.MediaItems.AnyAsync(m => m.Id == id)));
        Assert.False(await _factory.WithDbAsync(db => db.MediaVariants.AnyAsync(v => v.MediaItemId == id)));
        var hero = await _factory.WithDbAsync(db => db.Articles.Where(a => a.Id == draft).Select(a => new { a.HeroImageUrl, a.HeroImageAlt }).SingleAsync());
        Assert.Null(hero.HeroImageUrl);
        Assert.Null(hero.HeroImageAlt);
        Assert.Empty(MediaSite.StoredFiles(_root));
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClient().GetAsync(new Uri("/media/harbour.jpg-480.webp", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Delete_SameFileUploadedTwice_KeepsTheFilesTheOtherEntryServes()
    {
        var first = await ImageAsync("harbour.jpg");
        var second = await ImageAsync("harbour.jpg");

        var response = await DeleteAsync(first);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(14, MediaSite.StoredFiles(_root).Count());
        Assert.Equal(HttpStatusCode.OK, (await _factory.CreateClient().GetAsync(new Uri("/media/harbour.jpg-480.webp", UriKind.Relative))).StatusCode);
        Assert.True(await _factory.WithDbAsync(db => db.MediaItems.AnyAsync(m => m.Id == second)));
    }

    [Fact]
    public async Task Delete_UnknownImage_Is404()
    {
        await ImageAsync("harbour.jpg");
        var (_, page) = await Html.GetAsync(_admin, "/admin/media/1");
        var form = page.QuerySelector<IHtmlFormElement>("form.media-delete")!;
        await DeleteAsync(1);

        var again = await Html.SubmitAsync(_admin, form);

        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }
}
