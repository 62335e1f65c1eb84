using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.AdminComments;

namespace NewsPortal.IntegrationTests.Features.Admin;

public sealed class ModerationTests : IClassFixture<ModerationTests.Factory>
{
    private readonly Factory _factory;

    public ModerationTests(Factory factory) => _factory = factory;

    public sealed class Factory : NewsPortalFactory
    {
        public Factory() => this.WithAdmin();
    }

    /// <summary>A reader posts through the real form; returns the new comment's id and the article's slug.</summary>
    private async Task<(int Id, string Slug)> ReaderPostsAsync(string body, string? slug = null)
    {
        slug ??= (await _factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var reader = _factory.CreateNoRedirectClient();
        var (_, page) = await Html.GetAsync(reader, $"/news/{slug}");
        await Html.SubmitAsync(reader, Html.CommentForm(page), new Dictionary<string, string>
        {
            ["Name"] = "Rita Reader", ["Email"] = "rita@example.com", ["Body"] = body,
        });
        var id = await _factory.WithDbAsync(db => db.Comments.Where(c => c.Article.Slug == slug).OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync());
        return (id, slug);
    }

    private static IHtmlFormElement RowForm(IDocument queue, int id, string action) =>
        queue.QuerySelector<IHtmlFormElement>($"#queue-{id} form[action='/admin/comments/{id}/{action}']")
        ?? throw new InvalidOperationException($"No {action} button for comment {id}.");

    private Task<Comment> CommentAsync(int id) => _factory.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Id == id));

    [Fact]
    public async Task PostedComment_IsInThePendingQueueWithItsReason_AndApprovingPublishesIt()
    {
        var (id, slug) = await ReaderPostsAsync("Please check the figures in paragraph three.");
        var admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);

        var (response, queue) = await Html.GetAsync(admin, "/admin/comments?status=pending");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = queue.QuerySelector($"#queue-{id}")!;
        Assert.Contains("rita@example.com", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Held for moderation", row.QuerySelector(".queue-reason")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"/news/{slug}", row.QuerySelector(".queue-article a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("Pending", queue.QuerySelector(".status-tabs a[aria-current='page']")!.TextContent, StringComparison.Ordinal);

        var approved = await Html.SubmitAsync(admin, RowForm(queue, id, "approve"));

        Assert.Equal(HttpStatusCode.SeeOther, approved.StatusCode);
        var (_, article) = await Html.GetAsync(_factory.CreateClient(), $"/news/{slug}");
        Assert.Contains("Please check the figures", article.QuerySelector($"#comment-{id}")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("rita@example.com", article.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

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
    public async Task BulkApprove_ApprovesEverySelectedCommentAndWritesHistory()
    {
        var slug = (await _factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await ReaderPostsAsync($"Bulk comment {i}.", slug)).Id);
        }

        var admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        var articleId = await _factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync());
        var (_, queue) = await Html.GetAsync(admin, $"/admin/comments?status=pending&article={articleId}");
        var bulk = queue.QuerySelector<IHtmlFormElement>("#bulk-form")!;
        var fields = Html.FormValues(bulk).Where(f => f.Key != "action").ToList();
        fields.Add(new("action", "approve"));
        fields.AddRange(queue.QuerySelectorAll("input[name='ids']").Select(box => new KeyValuePair<string, string>("ids", box.GetAttribute("value")!)));

        var (_, before) = await Html.GetAsync(_factory.CreateClient(), $"/news/{slug}");
        Assert.Empty(before.QuerySelectorAll("#comments li.comment"));

        var response = await Html.PostAsync(admin, Html.ActionOf(bulk), fields);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        foreach (var id in ids)
        {
            Assert.Equal(CommentStatus.Approved, (await CommentAsync(id)).Status);
            var history = await _factory.WithDbAsync(db => db.CommentHistory.SingleAsync(h => h.CommentId == id));
            Assert.Equal((CommentStatus.Pending, CommentStatus.Approved, StaffSessions.AdminEmail), (history.FromStatus, history.ToStatus, history.ChangedBy));
        }

        var (_, after) = await Html.GetAsync(admin, response.Headers.Location!.OriginalString);
        Assert.Contains("3 comments approved.", after.QuerySelector(".notice-success")!.TextContent, StringComparison.Ordinal);

        // The article page was cached just before the batch with no comments; the batch refreshes it.
        var (_, article) = await Html.GetAsync(_factory.CreateClient(), $"/news/{slug}");
        Assert.Equal(3, article.QuerySelectorAll("#comments li.comment").Length);
    }

    [Fact]
    public async Task History_IsShownOnTheComment_AndRestoreReturnsItFromTheBin()
    {
        var (id, _) = await ReaderPostsAsync("Binned by mistake.");
        var admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        var (_, queue) = await Html.GetAsync(admin, "/admin/comments?status=pending");
        await Html.SubmitAsync(admin, RowForm(queue, id, "approve"));
        var (_, approvedQueue) = await Html.GetAsync(admin, "/admin/comments?status=approved");
        await Html.SubmitAsync(admin, RowForm(approvedQueue, id, "trash"));
        var (_, trash) = await Html.GetAsync(admin, "/admin/comments?status=trash");

        await Html.SubmitAsync(admin, RowForm(trash, id, "restore"));

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
        var (_, queue) = await Html.GetAsync(admin, "/admin/comments?status=pending");
        await Html.SubmitAsync(admin, RowForm(queue, id, "approve"));
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
    public async Task Queue_SearchesTheTextThroughTheCommentIndex_NotTheMarkup()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        var (id, _) = await ReaderPostsAsync($"The {word} quarry smells of rain.");
        var (other, _) = await ReaderPostsAsync("Nothing special here.");
        var admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);

        var (_, byWord) = await Html.GetAsync(admin, $"/admin/comments?status=pending&q={word}");
        var (_, byPrefix) = await Html.GetAsync(admin, $"/admin/comments?status=pending&q={word[..6]}*");
        var (_, byPhrase) = await Html.GetAsync(admin, $"/admin/comments?status=pending&q=%22{word}+quarry%22");
        var (_, wrongOrder) = await Html.GetAsync(admin, $"/admin/comments?status=pending&q=%22quarry+{word}%22");
        var (_, markup) = await Html.GetAsync(admin, "/admin/comments?status=pending&q=p");
        var (_, byNameStart) = await Html.GetAsync(admin, "/admin/comments?status=pending&q=Rita+Rea");

        Assert.Equal([$"queue-{id}"], byWord.QuerySelectorAll(".queue-item").Select(e => e.Id));
        Assert.Equal([$"queue-{id}"], byPrefix.QuerySelectorAll(".queue-item").Select(e => e.Id));
        Assert.Equal([$"queue-{id}"], byPhrase.QuerySelectorAll(".queue-item").Select(e => e.Id));
        Assert.Empty(wrongOrder.QuerySelectorAll(".queue-item"));
        Assert.DoesNotContain($"queue-{other}", markup.QuerySelectorAll(".queue-item").Select(e => e.Id));
        Assert.Contains($"queue-{other}", byNameStart.QuerySelectorAll(".queue-item").Select(e => e.Id));
    }

    [Fact]
    public async Task Queue_SearchesByEmailAndIp_AndClampsThePageSize()
    {
        await ReaderPostsAsync("Findable by search.");
        var admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);

        var (_, byEmail) = await Html.GetAsync(admin, "/admin/comments?status=pending&q=rita%40example.com");
        var (_, none) = await Html.GetAsync(admin, "/admin/comments?status=pending&q=nobody-at-all");
        var (response, huge) = await Html.GetAsync(admin, "/admin/comments?status=approved&size=100000&sort=oldest");

        Assert.NotEmpty(byEmail.QuerySelectorAll(".queue-item"));
        Assert.Empty(none.QuerySelectorAll(".queue-item"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(huge.QuerySelectorAll(".queue-item").Length <= QueueQuery.MaxPageSize);
    }

    [Fact]
    public async Task Dashboard_ShowsCountsOldestPendingAndLatest()
    {
        await ReaderPostsAsync("Waiting in the queue.");
        var admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        var pending = await _factory.WithDbAsync(db => db.Comments.CountAsync(c => c.Status == CommentStatus.Pending));

        var (_, dashboard) = await Html.GetAsync(admin, "/admin");

        Assert.Equal(pending.ToString(System.Globalization.CultureInfo.InvariantCulture), dashboard.QuerySelector(".stat-pending .stat-number")!.TextContent.Trim());
        Assert.Contains("oldest pending comment has waited", dashboard.QuerySelector(".oldest-pending")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(dashboard.QuerySelectorAll(".queue-item"));
    }

    [Fact]
    public async Task Settings_SavedKeyword_HoldsTheNextCommentWithoutARestart()
    {
        var admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        var (_, settings) = await Html.GetAsync(admin, "/admin/settings");
        var form = settings.QuerySelector<IHtmlFormElement>("main form.settings-form")!;
        // Untick pre-moderation: the box is left out and its hidden "false" stays, as in a browser.
        var fields = Html.FormValues(form, new Dictionary<string, string> { ["ModerationKeywords"] = "zeppelin", ["MaxLinks"] = "2" })
            .Where(f => !(f.Key == "PreModeration" && f.Value == "true")).ToList();

        var saved = await Html.PostAsync(admin, Html.ActionOf(form), fields);
        var (id, _) = await ReaderPostsAsync("A zeppelin flew over.");
        var (id2, _) = await ReaderPostsAsync("Nothing special here.");

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var held = await CommentAsync(id);
        Assert.Equal(CommentStatus.Pending, held.Status);
        Assert.Contains("zeppelin", held.StatusReason, StringComparison.Ordinal);
        Assert.Equal(CommentStatus.Approved, (await CommentAsync(id2)).Status);

        // Put the defaults back for the other tests in this class.
        await _factory.WithDbAsync(db => db.CommentSettings.ExecuteDeleteAsync());
        _factory.ForgetReaderCache();
    }
}
