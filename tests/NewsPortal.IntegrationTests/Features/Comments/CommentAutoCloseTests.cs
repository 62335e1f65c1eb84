namespace NewsPortal.IntegrationTests.Features.Comments;

/// <summary><c>Comments:AutoCloseAfterDays</c>: older articles take no more comments (docs/configuration.md).</summary>
public sealed class CommentAutoCloseTests(CommentAutoCloseTests.Factory factory) : IClassFixture<CommentAutoCloseTests.Factory>
{
    public sealed class Factory : NewsPortalFactory
    {
        public Factory() => Settings["Comments:AutoCloseAfterDays"] = "30";
    }

    private static Dictionary<string, string> Typed(string body) =>
        new() { ["Name"] = "Ada Lovelace", ["Email"] = "ada@example.com", ["Body"] = body };

    [Fact]
    public async Task ArticleOlderThanTheSetting_ShowsCommentsClosed_AndRefusesAPost_AYoungerOneTakesIt()
    {
        var now = DateTime.UtcNow;
        var old = await factory.WithDbAsync(db => new ArticleBuilder().PublishedAt(now.AddDays(-31)).SaveAsync(db));
        var recent = await factory.WithDbAsync(db => new ArticleBuilder().PublishedAt(now.AddDays(-29)).SaveAsync(db));
        var client = factory.CreateNoRedirectClient();

        var (_, oldPage) = await Html.GetAsync(client, $"/news/{old.Slug}");
        var (_, recentPage) = await Html.GetAsync(client, $"/news/{recent.Slug}");

        Assert.Null(oldPage.QuerySelector("#comments form"));
        Assert.Contains("Comments are closed.", oldPage.QuerySelector("#comments")!.TextContent, StringComparison.Ordinal);
        var form = Html.CommentForm(recentPage);
        var fields = Html.FormValues(form, Typed("Late, but still."));

        var refused = await Html.PostAsync(client, $"/news/{old.Slug}/comments", fields);
        var accepted = await Html.SubmitAsync(client, form, Typed("In time."));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Comments.AsNoTracking()
            .Where(c => c.Article.Slug == old.Slug || c.Article.Slug == recent.Slug)
            .Select(c => c.Article.Slug).ToListAsync());
        Assert.Equal([recent.Slug], stored);
    }
}
