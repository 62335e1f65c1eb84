namespace NewsPortal.IntegrationTests.Features.AdminArticles;

/// <summary>Preview links for people without accounts: valid, expired, revoked, tampered; noindex and never cached.</summary>
public sealed class ArticlePreviewLinkTests(ArticlePreviewLinkTests.Factory factory) : IClassFixture<ArticlePreviewLinkTests.Factory>
{
    private const string Editor = NewsroomFactory.Editor;
    private const string Reporter = NewsroomFactory.Reporter;

    public sealed class Factory : NewsroomFactory;

    private async Task<int> DraftAsync(HttpClient client, string headline) =>
        ArticleReviewTests.IdFrom(await ArticleReviewTests.SaveAsync(client, "/admin/articles/new", await ArticleReviewTests.FieldsAsync(factory, headline), "savedraft"));

    /// <summary>Makes a link on the story's page and reads it back from there, as the editor copies it.</summary>
    private static async Task<string> LinkAsync(HttpClient client, int id, int days)
    {
        var made = await ArticleReviewTests.PostWithTokenAsync(client, $"/admin/articles/{id}/preview-links", ("days", days.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.SeeOther, made.StatusCode);
        var (_, page) = await Html.GetAsync(client, $"/admin/articles/{id}/edit");
        var url = new Uri(page.QuerySelector("#new-preview-link")!.GetAttribute("value")!);
        return url.PathAndQuery;
    }

    /// <summary>An editor's draft with a preview link that lasts <paramref name="days"/>: the editor, the story's id and the link's path.</summary>
    private async Task<(HttpClient Editor, int Id, string Path)> DraftWithALinkAsync(string headline, int days)
    {
        var editor = await factory.AsAsync(Editor);
        var id = await DraftAsync(editor, headline);
        return (editor, id, await LinkAsync(editor, id, days));
    }

    [Fact]
    public async Task ValidLink_ShowsTheDraftAsReadersWould_NoindexAndNeverCached_AndLogsTheFirstUseOnce()
    {
        var (editor, id, path) = await DraftWithALinkAsync("Preview of the waterfront plan", 7);
        var stranger = factory.CreateClient();

        var (response, page) = await Html.GetAsync(stranger, path);
        await Html.GetAsync(stranger, path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Preview of the waterfront plan", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("article.article .article-body"));
        Assert.Equal("noindex", page.QuerySelector("meta[name='robots']")!.GetAttribute("content"));
        Assert.Equal("noindex", string.Join(",", response.Headers.GetValues("X-Robots-Tag")));
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Null(page.QuerySelector("#comments form"));
        Assert.Null(page.QuerySelector("a[href^='/admin/']"));
        var kinds = await factory.WithDbAsync(db => db.ArticleEvents.AsNoTracking().Where(e => e.ArticleId == id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal([ArticleEventKinds.PreviewCreated, ArticleEventKinds.PreviewOpened], kinds);
        var (_, editorPage) = await Html.GetAsync(editor, $"/admin/articles/{id}/edit");
        Assert.Single(editorPage.QuerySelectorAll(".preview-links tbody tr"));
    }

    [Fact]
    public async Task RevokedLink_Is410_AndTheRevocationIsLogged()
    {
        var (editor, id, path) = await DraftWithALinkAsync("Preview that gets revoked", 1);
        var linkId = await factory.WithDbAsync(db => db.ArticlePreviewLinks.Where(l => l.ArticleId == id).Select(l => l.Id).SingleAsync());

        var revoked = await ArticleReviewTests.PostWithTokenAsync(editor, $"/admin/articles/{id}/preview-links/{linkId}/revoke");

        Assert.Equal(HttpStatusCode.SeeOther, revoked.StatusCode);
        var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("This link no longer works", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl is { NoStore: true }, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Contains(ArticleEventKinds.PreviewRevoked, await factory.WithDbAsync(db => db.ArticleEvents.Where(e => e.ArticleId == id).Select(e => e.Kind).ToListAsync()));
        var (_, page) = await Html.GetAsync(editor, $"/admin/articles/{id}/edit");
        Assert.Empty(page.QuerySelectorAll(".preview-links tbody tr"));
    }

    [Fact]
    public async Task ExpiredLink_Is410()
    {
        var (_, _, path) = await DraftWithALinkAsync("Preview that runs out", 1);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative))).StatusCode);

        factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.Gone, (await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("made-up")]
    public async Task TamperedLink_Is404(string how)
    {
        var (_, _, path) = await DraftWithALinkAsync($"Preview tampered {how}", 7);
        var token = path["/preview/".Length..];
        var bad = how switch
        {
            "flip" => token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..],
            "truncate" => token[..(token.Length / 2)],
            _ => "not-a-token",
        };

        var response = await factory.CreateClient().GetAsync(new Uri($"/preview/{bad}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownLifetime_IsRefusedWithAMessage_AndMakesNoLink()
    {
        var editor = await factory.AsAsync(Editor);
        var id = await DraftAsync(editor, "Preview with a strange lifetime");

        await ArticleReviewTests.PostWithTokenAsync(editor, $"/admin/articles/{id}/preview-links", ("days", "365"));

        var (_, page) = await Html.GetAsync(editor, $"/admin/articles/{id}/edit");
        Assert.Contains("Choose how long the link works", page.QuerySelector(".notice-warning")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ArticlePreviewLinks.CountAsync(l => l.ArticleId == id)));
    }

    [Fact]
    public async Task ReporterMakesALinkForTheirOwnStory_AndTheLinkFollowsTheStoryOncePublished()
    {
        var reporter = await factory.AsAsync(Reporter);
        var editor = await factory.AsAsync(Editor);
        var id = await DraftAsync(reporter, "Reporter shares a preview with a lawyer");
        var path = await LinkAsync(reporter, id, 7);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative))).StatusCode);

        await ArticleReviewTests.SaveAsync(editor, $"/admin/articles/{id}/edit", new Dictionary<string, string>(), "publish");

        var response = await factory.CreateNoRedirectClient().GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/news/reporter-shares-a-preview-with-a-lawyer", response.Headers.Location!.OriginalString);
    }
}
