namespace NewsPortal.IntegrationTests.Features.AdminComments;

/// <summary>A site with an admin, and how a reader posts and a moderator reads the queue, shared by the moderation tests.</summary>
public abstract class ModerationTestBase(ModerationTestBase.Factory factory)
{
    private protected readonly Factory _factory = factory;

    public sealed class Factory : NewsPortalFactory
    {
        public Factory() => this.WithAdmin();
    }

    /// <summary>A reader posts through the real form; returns the new comment's id and the article's slug.</summary>
    private protected async Task<(int Id, string Slug)> ReaderPostsAsync(string body, string? slug = null)
    {
        slug ??= (await _factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var reader = _factory.CreateNoRedirectClient();
        await ReaderComments.PostAsync(reader, slug, "Rita Reader", "rita@example.com", body);
        var id = await _factory.WithDbAsync(db => db.Comments.Where(c => c.Article.Slug == slug).OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync());
        return (id, slug);
    }

    private protected static IHtmlFormElement RowForm(IDocument queue, int id, string action) =>
        queue.QuerySelector<IHtmlFormElement>($"#queue-{id} form[action='/admin/comments/{id}/{action}']")
        ?? throw new InvalidOperationException($"No {action} button for comment {id}.");

    /// <summary>Comments written straight to the database, one minute apart, newest last.</summary>
    private protected Task AddCommentsAsync(int articleId, CommentStatus status, int count, string body) =>
        _factory.WithDbAsync(async db =>
        {
            var start = DateTime.UtcNow.AddHours(-2);
            db.Comments.AddRange(Enumerable.Range(0, count).Select(i => new Comment
            {
                ArticleId = articleId,
                AuthorName = "Bulk Reader",
                AuthorEmail = "bulk@example.com",
                BodyHtml = $"<p>{body} ({i})</p>",
                Status = status,
                CreatedAt = start.AddMinutes(i),
            }));
            await db.SaveChangesAsync();
        });

    /// <summary>The moderator opens the list of comments with <paramref name="status"/> and presses <paramref name="action"/> on the comment's row.</summary>
    private protected static async Task<HttpResponseMessage> ActOnRowAsync(HttpClient moderator, string status, int id, string action)
    {
        var (_, list) = await Html.GetAsync(moderator, $"/admin/comments?status={status}");
        return await Html.SubmitAsync(moderator, RowForm(list, id, action));
    }

    private protected Task<Comment> CommentAsync(int id) => _factory.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Id == id));
}
