namespace NewsPortal.IntegrationTests.Features.AdminArticles;

/// <summary>A newsroom with an editor, reporters and a moderator, and how they fill in and post the article forms, shared by the review tests (and used by the preview-link and correction tests).</summary>
public abstract class ArticleReviewTestBase(ArticleReviewTestBase.Factory factory)
{
    private protected const string Editor = NewsroomFactory.Editor;
    private protected const string Reporter = NewsroomFactory.Reporter;
    private protected const string OtherReporter = NewsroomFactory.OtherReporter;
    private protected const string Moderator = NewsroomFactory.Moderator;
    private protected readonly Factory _factory = factory;

    public sealed class Factory : NewsroomFactory;

    internal static Task<Dictionary<string, string>> FieldsAsync(NewsPortalFactory factory, string headline) => StoryFields.NewAsync(factory, headline);

    /// <summary>Posts the editor form as rendered (with <paramref name="values"/> typed over it) with the given intent.</summary>
    internal static Task<HttpResponseMessage> SaveAsync(HttpClient client, string url, IReadOnlyDictionary<string, string> values, string intent) =>
        ArticleEditor.SaveAsync(client, url, values, intent);

    /// <summary>A POST to one of the small forms around the editor, with a token from a page the client may open.</summary>
    internal static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string action, params (string Name, string Value)[] values)
    {
        var (_, page) = await Html.GetAsync(client, "/admin/articles/new");
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        return await Html.PostAsync(client, action, [new("__RequestVerificationToken", token), .. values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value))]);
    }

    internal static int IdFrom(HttpResponseMessage response) =>
        int.Parse(response.Headers.Location!.OriginalString.Split('/')[3], CultureInfo.InvariantCulture);

    private protected async Task<int> ReporterDraftAsync(HttpClient reporter, string headline)
    {
        var saved = await SaveAsync(reporter, "/admin/articles/new", await FieldsAsync(_factory, headline), "savedraft");
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        return IdFrom(saved);
    }

    /// <summary>A reporter's draft, submitted for review with no note: its id.</summary>
    private protected async Task<int> SubmittedDraftAsync(HttpClient reporter, string headline)
    {
        var id = await ReporterDraftAsync(reporter, headline);
        await SaveAsync(reporter, $"/admin/articles/{id}/edit", new Dictionary<string, string>(), "submit");
        return id;
    }

    /// <summary>The editor form on the story's page as <paramref name="client"/> sees it, or null when the story is not theirs to edit.</summary>
    private protected static async Task<IElement?> EditorFormAsync(HttpClient client, int id)
    {
        var (_, page) = await Html.GetAsync(client, $"/admin/articles/{id}/edit");
        return page.QuerySelector("form.article-editor");
    }

    private protected Task<Article> ArticleAsync(int id) => _factory.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
}
