namespace NewsPortal.IntegrationTests.Features.AdminComments;

/// <summary>Actions on one comment: two moderators or a double click change it once; history, restore, edits, staff replies, the address it returns to.</summary>
public sealed class ModerationActionTests(ModerationTestBase.Factory factory) : ModerationTestBase(factory), IClassFixture<ModerationTestBase.Factory>
{
    [Fact]
    public async Task TwoModerators_OnTheSameComment_OneWinsAndTheOtherIsTold()
    {
        var (id, _) = await ReaderPostsAsync("Contested comment.");
        var first = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        var second = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        var (_, firstQueue) = await Html.GetAsync(first, "/admin/comments?status=pending");
        var (_, secondQueue) = await Html.GetAsync(second, "/admin/comments?status=pending");

        await Html.SubmitAsync(first, RowForm(firstQueue, id, "approve"));
        var late = await Html.SubmitAsync(second, RowForm(secondQueue, id, "spam"));
        var (_, after) = await Html.GetAsync(second, late.Headers.Location!.OriginalString);

        Assert.Equal(CommentStatus.Approved, (await CommentAsync(id)).Status);
        Assert.Contains(AdminCommentsController.AlreadyHandledMessage, after.QuerySelector(".notice-warning")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.CommentHistory.CountAsync(h => h.CommentId == id)));
    }

    [Fact]
    public async Task SameClickTwice_ChangesTheCommentOnce()
    {
        var (id, _) = await ReaderPostsAsync("Double-clicked.");
        var admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        var (_, queue) = await Html.GetAsync(admin, "/admin/comments?status=pending");
        var form = RowForm(queue, id, "trash");

        await Task.WhenAll(Html.SubmitAsync(admin, form), Html.SubmitAsync(admin, form));

        Assert.Equal(CommentStatus.Trash, (await CommentAsync(id)).Status);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.CommentHistory.CountAsync(h => h.CommentId == id)));
    }

    [Fact]
    public async Task TwoDbContexts_ChangingOneComment_TheSecondSaveIsRejected()
    {
        var (id, _) = await ReaderPostsAsync("Raced at the database.");
        await using var scopeA = _factory.Services.CreateAsyncScope();
        await using var scopeB = _factory.Services.CreateAsyncScope();
        var a = scopeA.ServiceProvider.GetRequiredService<ModerationService>();
        var dbB = scopeB.ServiceProvider.GetRequiredService<NewsDbContext>();
        var loadedByB = await dbB.Comments.SingleAsync(c => c.Id == id);

        var winner = await a.ApplyAsync(id, ModerationAction.Approve, loadedByB.Version, "a@test.example", CancellationToken.None);
        loadedByB.Status = CommentStatus.Spam;
        loadedByB.Version++;

        Assert.Equal(ModerationOutcome.Changed, winner.Outcome);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => dbB.SaveChangesAsync());
        Assert.Equal(CommentStatus.Approved, (await CommentAsync(id)).Status);
    }

    [Fact]
    public async Task History_IsShownOnTheComment_AndRestoreReturnsItFromTheBin()
    {
        var (id, _) = await ReaderPostsAsync("Binned by mistake.");
        var admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        await ActOnRowAsync(admin, "pending", id, "approve");
        await ActOnRowAsync(admin, "approved", id, "trash");

        await ActOnRowAsync(admin, "trash", id, "restore");

        Assert.Equal(CommentStatus.Approved, (await CommentAsync(id)).Status);
        var (_, detail) = await Html.GetAsync(admin, $"/admin/comments/{id}");
        var rows = detail.QuerySelectorAll(".history tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("Trash → Approved", rows[0], StringComparison.Ordinal);
        Assert.Contains("Pending → Approved", rows[2], StringComparison.Ordinal);
        Assert.All(rows, r => Assert.Contains(StaffSessions.AdminEmail, r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditAndStaffReply_AreSanitizedRecordedAndPublished()
    {
        var (id, slug) = await ReaderPostsAsync("Teh typo.");
        var admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        await ActOnRowAsync(admin, "pending", id, "approve");
        var (_, detail) = await Html.GetAsync(admin, $"/admin/comments/{id}");

        var editForm = detail.QuerySelector<IHtmlFormElement>($"form[action='/admin/comments/{id}/edit']")!;
        await Html.SubmitAsync(admin, editForm, new Dictionary<string, string> { ["Edit.Body"] = "The typo. <script>alert(1)</script>" });
        var (_, again) = await Html.GetAsync(admin, $"/admin/comments/{id}");
        var replyForm = again.QuerySelector<IHtmlFormElement>($"form[action='/admin/comments/{id}/reply']")!;
        var replied = await Html.SubmitAsync(admin, replyForm, new Dictionary<string, string> { ["Reply.Body"] = "Thanks, fixed in the article." });

        Assert.Equal(HttpStatusCode.SeeOther, replied.StatusCode);
        Assert.Equal("<p>The typo. </p>", (await CommentAsync(id)).BodyHtml);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.CommentHistory.CountAsync(h => h.CommentId == id && h.Note == "Edited the text")));
        var (_, article) = await Html.GetAsync(_factory.CreateClient(), $"/news/{slug}");
        var reply = article.QuerySelector($"#comment-{id} .comment-replies li.comment-staff")!;
        Assert.Contains("Thanks, fixed in the article.", reply.TextContent, StringComparison.Ordinal);
        Assert.Equal("Staff", reply.QuerySelector(".badge")!.TextContent.Trim());
    }

    [Fact]
    public async Task StaffReply_ToAHeldOrBinnedComment_IsRefusedWithTheTextKept()
    {
        var (id, slug) = await ReaderPostsAsync("Still waiting for a moderator.");
        var admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        var (_, detail) = await Html.GetAsync(admin, $"/admin/comments/{id}");
        var replyForm = detail.QuerySelector<IHtmlFormElement>($"form[action='/admin/comments/{id}/reply']")!;

        var toHeld = await Html.SubmitAsync(admin, replyForm, new Dictionary<string, string> { ["Reply.Body"] = "Replying too early." });

        Assert.Equal(HttpStatusCode.OK, toHeld.StatusCode);
        var page = await Html.ParseAsync(toHeld);
        Assert.Equal(AdminCommentsController.ReplyToUnpublishedMessage, page.QuerySelector("#Reply_Body-error")!.TextContent.Trim());
        Assert.Equal("Replying too early.", page.QuerySelector<IHtmlTextAreaElement>("#Reply_Body")!.Value.Trim());

        // Approved when the page was opened, binned by a colleague before the reply was sent.
        await ActOnRowAsync(admin, "pending", id, "approve");
        var (_, approved) = await Html.GetAsync(admin, $"/admin/comments/{id}");
        var colleague = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        await ActOnRowAsync(colleague, "approved", id, "trash");
        var toBinned = await Html.SubmitAsync(
            admin, approved.QuerySelector<IHtmlFormElement>($"form[action='/admin/comments/{id}/reply']")!, new Dictionary<string, string> { ["Reply.Body"] = "Replying too late." });

        Assert.Equal(HttpStatusCode.OK, toBinned.StatusCode);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Comments.CountAsync(c => c.ParentId == id)));
        var (_, article) = await Html.GetAsync(_factory.CreateClient(), $"/news/{slug}");
        Assert.Empty(article.QuerySelectorAll("#comments li.comment"));
    }

    [Theory]
    [InlineData("/admin/comments?status=pending&x=\u00BF", "/admin/comments?status=pending&x=%C2%BF")]
    [InlineData("/admin/comments?status=pending&q=two words", "/admin/comments?status=pending&q=two%20words")]
    public async Task Action_ReturnUrlAHeaderCannotCarryAsIs_RedirectsThereEncoded(string returnUrl, string location)
    {
        var (id, _) = await ReaderPostsAsync("A comment approved from an odd address.");
        var admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        var (_, queue) = await Html.GetAsync(admin, "/admin/comments?status=pending");

        var response = await Html.SubmitAsync(admin, RowForm(queue, id, "approve"), new Dictionary<string, string> { ["returnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
        Assert.Equal(CommentStatus.Approved, (await CommentAsync(id)).Status);
        var (back, _) = await Html.GetAsync(admin, location);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }
}
