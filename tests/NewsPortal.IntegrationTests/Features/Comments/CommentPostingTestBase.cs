namespace NewsPortal.IntegrationTests.Features.Comments;

/// <summary>An article, its comment form opened as a browser does, and what was stored, shared by the comment posting tests.</summary>
public abstract class CommentPostingTestBase(NewsPortalFactory factory)
{
    private protected readonly NewsPortalFactory _factory = factory;

    private protected async Task<string> NewArticleAsync() =>
        (await _factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;

    private protected async Task<(HttpClient Client, IHtmlFormElement Form)> OpenFormAsync(string slug, HttpClient? client = null)
    {
        client ??= _factory.CreateNoRedirectClient();
        var (_, document) = await Html.GetAsync(client, $"/news/{slug}");
        return (client, Html.CommentForm(document));
    }

    /// <summary>Two readers, each in a browser of their own, with the comment form of one new article open.</summary>
    private protected async Task<(string Slug, (HttpClient Client, IHtmlFormElement Form) First, (HttpClient Client, IHtmlFormElement Form) Second)> TwoReadersOnANewArticleAsync()
    {
        var slug = await NewArticleAsync();
        return (slug, await OpenFormAsync(slug), await OpenFormAsync(slug));
    }

    /// <summary>A reader opens a new article and posts <paramref name="typed"/> through its form: the article's slug and the answer.</summary>
    private protected async Task<(string Slug, HttpResponseMessage Response)> PostOnANewArticleAsync(Dictionary<string, string> typed)
    {
        var slug = await NewArticleAsync();
        var (client, form) = await OpenFormAsync(slug);
        return (slug, await Html.SubmitAsync(client, form, typed));
    }

    private protected static Dictionary<string, string> Typed(string body, string name = "Ada Lovelace", string email = "ada@example.com") =>
        new() { ["Name"] = name, ["Email"] = email, ["Body"] = body };

    private protected Task<List<Comment>> CommentsOnAsync(string slug) =>
        _factory.WithDbAsync(db => db.Comments.AsNoTracking().Where(c => c.Article.Slug == slug).OrderBy(c => c.Id).ToListAsync());
}
