namespace NewsPortal.IntegrationTests.Features.Comments;

/// <summary>Authors editing or deleting their own comment from the same browser, within the edit window (a fake clock).</summary>
public sealed class OwnCommentEditTests(OwnCommentEditTests.Factory factory) : IClassFixture<OwnCommentEditTests.Factory>
{
    public sealed class Factory() : FakeClockFactory(("Comments:PreModeration", "false"));

    /// <summary>A reader posts through the real form (published at once: pre-moderation is off here).</summary>
    private async Task<(HttpClient Author, string Slug, int Id)> PostAsync(string body)
    {
        var slug = (await factory.WithDbAsync(db => new ArticleBuilder().PublishedAt(factory.Clock.GetUtcNow().UtcDateTime.AddHours(-1)).SaveAsync(db))).Slug;
        var author = factory.CreateNoRedirectClient();
        var posted = await ReaderComments.PostAsync(author, slug, "Eddie Editor", "eddie@example.com", body);
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var id = await factory.WithDbAsync(db => db.Comments.Where(c => c.Article.Slug == slug).Select(c => c.Id).SingleAsync());
        return (author, slug, id);
    }

    private Task<Comment> CommentAsync(int id) => factory.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Id == id));

    private static async Task<IHtmlFormElement> EditFormAsync(HttpClient author, string slug, int id)
    {
        var (_, article) = await Html.GetAsync(author, $"/news/{slug}");
        var link = article.QuerySelector($"#comment-{id} a.edit-link") ?? throw new InvalidOperationException("No edit link.");
        var (response, page) = await Html.GetAsync(author, link.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page.QuerySelector<IHtmlFormElement>($"form[action='/news/{slug}/comments/{id}/edit']")!;
    }

    [Fact]
    public async Task Edit_InsideTheWindow_ChangesTheText_ShowsEdited_AndKeepsThePreviousTextForModerators()
    {
        var (author, slug, id) = await PostAsync("Teh first version.");
        factory.Clock.Advance(TimeSpan.FromMinutes(9));
        var form = await EditFormAsync(author, slug, id);
        Assert.Equal("Teh first version.", form.QuerySelector<IHtmlTextAreaElement>("#Body")!.Value);

        var saved = await Html.SubmitAsync(author, form, new Dictionary<string, string> { ["Body"] = "The first version, fixed." });

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var comment = await CommentAsync(id);
        Assert.Equal("<p>The first version, fixed.</p>", comment.BodyHtml);
        Assert.Equal(CommentStatus.Approved, comment.Status);
        Assert.NotNull(comment.EditedAt);
        var (_, article) = await Html.GetAsync(factory.CreateClient(), $"/news/{slug}");
        var shown = article.QuerySelector($"#comment-{id}")!;
        Assert.Contains("The first version, fixed.", shown.TextContent, StringComparison.Ordinal);
        Assert.Contains("Edited", shown.QuerySelector(".comment-edited")!.TextContent, StringComparison.Ordinal);
        Assert.Null(shown.QuerySelector("a.edit-link"));
        var history = Assert.Single(await factory.WithDbAsync(db => db.CommentHistory.AsNoTracking().Where(h => h.CommentId == id).ToListAsync()));
        Assert.Equal(OwnCommentService.AuthorActor, history.ChangedBy);
        Assert.Equal("<p>Teh first version.</p>", history.PreviousBodyHtml);
        Assert.Equal("Edited by its author", history.Note);
    }

    [Fact]
    public async Task Edit_JustAfterTheWindow_IsRefusedWithAReason_AndChangesNothing()
    {
        var (author, slug, id) = await PostAsync("Written in haste.");
        var form = await EditFormAsync(author, slug, id);

        factory.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var late = await Html.SubmitAsync(author, form, new Dictionary<string, string> { ["Body"] = "Too late to change." });
        var lateDelete = await Html.PostAsync(author, $"/news/{slug}/comments/{id}/delete", Html.FormValues(form).Where(f => f.Key == "__RequestVerificationToken"));

        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        Assert.Contains(OwnCommentsController.NotYoursMessage, (await Html.ParseAsync(late)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, lateDelete.StatusCode);
        var comment = await CommentAsync(id);
        Assert.Equal("<p>Written in haste.</p>", comment.BodyHtml);
        Assert.Equal(CommentStatus.Approved, comment.Status);
        var (_, article) = await Html.GetAsync(author, $"/news/{slug}");
        Assert.Null(article.QuerySelector($"#comment-{id} a.edit-link"));
        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync(new Uri($"/news/{slug}/comments/{id}/edit", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Edit_FromAnotherBrowser_IsRefused()
    {
        var (author, slug, id) = await PostAsync("Mine, not yours.");
        var form = await EditFormAsync(author, slug, id);
        var stranger = factory.CreateNoRedirectClient();

        var (page, _) = await Html.GetAsync(stranger, $"/news/{slug}/comments/{id}/edit");
        var (_, strangerView) = await Html.GetAsync(stranger, $"/news/{slug}");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Null(strangerView.QuerySelector($"#comment-{id} a.edit-link"));
        var posted = await Html.PostAsync(stranger, $"/news/{slug}/comments/{id}/edit", [new("Body", "Hijacked"), new("Version", "0")]);
        Assert.True(posted.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, posted.StatusCode.ToString());
        Assert.Equal("<p>Mine, not yours.</p>", (await CommentAsync(id)).BodyHtml);
        Assert.NotNull(form);
    }

    [Fact]
    public async Task Edit_ThatAddsLinks_HoldsThePublishedCommentAgain()
    {
        var (author, slug, id) = await PostAsync("A harmless remark.");
        var form = await EditFormAsync(author, slug, id);

        await Html.SubmitAsync(author, form, new Dictionary<string, string>
        {
            ["Body"] = "Buy now https://a.example https://b.example https://c.example",
        });

        var comment = await CommentAsync(id);
        Assert.Equal(CommentStatus.Pending, comment.Status);
        Assert.Contains("links", comment.StatusReason, StringComparison.Ordinal);
        var history = Assert.Single(await factory.WithDbAsync(db => db.CommentHistory.AsNoTracking().Where(h => h.CommentId == id).ToListAsync()));
        Assert.Equal((CommentStatus.Approved, CommentStatus.Pending), (history.FromStatus, history.ToStatus));
        Assert.Equal("<p>A harmless remark.</p>", history.PreviousBodyHtml);
        var (_, strangerView) = await Html.GetAsync(factory.CreateClient(), $"/news/{slug}");
        Assert.Null(strangerView.QuerySelector($"#comment-{id}"));
        var (_, authorView) = await Html.GetAsync(author, $"/news/{slug}");
        Assert.NotNull(authorView.QuerySelector($"#comment-{id}.comment-held"));
    }

    [Fact]
    public async Task Delete_InsideTheWindow_TakesTheCommentDownWithAHistoryEntry()
    {
        var (author, slug, id) = await PostAsync("I regret this.");
        var (_, article) = await Html.GetAsync(author, $"/news/{slug}");
        var (_, edit) = await Html.GetAsync(author, article.QuerySelector($"#comment-{id} a.edit-link")!.GetAttribute("href")!);

        var deleted = await Html.SubmitAsync(author, edit.QuerySelector<IHtmlFormElement>("form.delete-own-form")!);

        Assert.Equal(HttpStatusCode.SeeOther, deleted.StatusCode);
        Assert.Equal(CommentStatus.Trash, (await CommentAsync(id)).Status);
        var (_, after) = await Html.GetAsync(author, $"/news/{slug}");
        Assert.Null(after.QuerySelector($"#comment-{id}"));
        Assert.Contains("Your comment has been deleted.", after.QuerySelector("#comments [role=status]")!.TextContent, StringComparison.Ordinal);
        var history = Assert.Single(await factory.WithDbAsync(db => db.CommentHistory.AsNoTracking().Where(h => h.CommentId == id).ToListAsync()));
        Assert.Equal("Deleted by its author", history.Note);
    }
}
