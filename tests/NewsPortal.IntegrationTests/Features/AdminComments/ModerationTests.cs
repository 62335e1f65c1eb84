using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.TestSupport;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.AdminComments;

namespace NewsPortal.IntegrationTests.Features.AdminComments;

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
            ["Name"] = "Rita Reader",
            ["Email"] = "rita@example.com",
            ["Body"] = body,
        });
        var id = await _factory.WithDbAsync(db => db.Comments.Where(c => c.Article.Slug == slug).OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync());
        return (id, slug);
    }

    private static IHtmlFormElement RowForm(IDocument queue, int id, string action) =>
        queue.QuerySelector<IHtmlFormElement>($"#queue-{id} form[action='/admin/comments/{id}/{action}']")
        ?? throw new InvalidOperationException($"No {action} button for comment {id}.");

    /// <summary>Comments written straight to the database, one minute apart, newest last.</summary>
    private Task AddCommentsAsync(int articleId, CommentStatus status, int count, string body) =>
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

    private static int StatNumber(IDocument dashboard, string status) =>
        int.Parse(dashboard.QuerySelector($".stat-{status} .stat-number")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);

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

    /// <summary>The bulk form as a browser sends it with every row ticked: action, ids and each row's version.</summary>
    private static (string Action, List<KeyValuePair<string, string>> Fields) BulkPost(IDocument queue, string action)
    {
        var bulk = queue.QuerySelector<IHtmlFormElement>("#bulk-form")!;
        var fields = Html.FormValues(bulk).Where(f => f.Key != "action" && f.Key != "ids" && !f.Key.StartsWith("versions[", StringComparison.Ordinal)).ToList();
        fields.Add(new("action", action));
        fields.AddRange(queue.QuerySelectorAll("input[name='ids']").Select(box => new KeyValuePair<string, string>("ids", box.GetAttribute("value")!)));
        fields.AddRange(queue.QuerySelectorAll("input[form='bulk-form'][name^='versions[']")
            .Select(input => new KeyValuePair<string, string>(input.GetAttribute("name")!, input.GetAttribute("value")!)));
        return (Html.ActionOf(bulk), fields);
    }

    private async Task<(List<int> Ids, int ArticleId)> HeldCommentsAsync(int count)
    {
        var slug = (await _factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var ids = new List<int>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await ReaderPostsAsync($"Held for a bulk action {i}.", slug)).Id);
        }

        return (ids, await _factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync()));
    }

    [Fact]
    public async Task BulkAction_FromAStalePage_SkipsWhatAColleagueChangedAndSaysSo()
    {
        var (ids, articleId) = await HeldCommentsAsync(3);
        var colleague = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        var me = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        var (_, myQueue) = await Html.GetAsync(me, $"/admin/comments?status=pending&article={articleId}");
        var (_, theirQueue) = await Html.GetAsync(colleague, $"/admin/comments?status=pending&article={articleId}");

        await Html.SubmitAsync(colleague, RowForm(theirQueue, ids[0], "spam"));
        var (action, fields) = BulkPost(myQueue, "approve");
        var response = await Html.PostAsync(me, action, fields);

        Assert.Equal(CommentStatus.Spam, (await CommentAsync(ids[0])).Status);
        Assert.Equal(CommentStatus.Approved, (await CommentAsync(ids[1])).Status);
        Assert.Equal(CommentStatus.Approved, (await CommentAsync(ids[2])).Status);
        var (_, after) = await Html.GetAsync(me, response.Headers.Location!.OriginalString);
        Assert.Equal(
            "2 comments approved. 1 skipped because someone else changed it after your page was loaded.",
            after.QuerySelector(".notice-success")!.TextContent.Trim());
    }

    [Fact]
    public async Task BulkAction_TwoModeratorsAtOnceFromTheSamePage_EachCommentChangesOnce()
    {
        var (ids, articleId) = await HeldCommentsAsync(6);
        var first = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        var second = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        var (_, firstQueue) = await Html.GetAsync(first, $"/admin/comments?status=pending&article={articleId}");
        var (_, secondQueue) = await Html.GetAsync(second, $"/admin/comments?status=pending&article={articleId}");
        var (approveAction, approve) = BulkPost(firstQueue, "approve");
        var (trashAction, trash) = BulkPost(secondQueue, "trash");

        var responses = await Task.WhenAll(Html.PostAsync(first, approveAction, approve), Html.PostAsync(second, trashAction, trash));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        foreach (var id in ids)
        {
            var history = await _factory.WithDbAsync(db => db.CommentHistory.Where(h => h.CommentId == id).ToListAsync());
            var change = Assert.Single(history);
            Assert.Equal(change.ToStatus, (await CommentAsync(id)).Status);
        }

        var messages = new List<string>();
        foreach (var (client, response) in new[] { (first, responses[0]), (second, responses[1]) })
        {
            var (_, page) = await Html.GetAsync(client, response.Headers.Location!.OriginalString);
            messages.Add(page.QuerySelector(".notice-success")!.TextContent.Trim());
        }

        var approved = await _factory.WithDbAsync(db => db.Comments.CountAsync(c => ids.Contains(c.Id) && c.Status == CommentStatus.Approved));
        var binned = ids.Count - approved;
        Assert.StartsWith($"{approved} {(approved == 1 ? "comment" : "comments")} approved.", messages[0], StringComparison.Ordinal);
        Assert.StartsWith($"{binned} {(binned == 1 ? "comment" : "comments")} moved to the bin.", messages[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkAction_With150Ids_ChangesAPageWorthAndCountsTheRestAsNotProcessed()
    {
        var slug = (await _factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var ids = await _factory.WithDbAsync(async db =>
        {
            var articleId = await db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync();
            var comments = Enumerable.Range(0, 150).Select(i => new Comment
            {
                ArticleId = articleId,
                AuthorName = "Many",
                AuthorEmail = "many@example.com",
                BodyHtml = $"<p>Comment {i}.</p>",
                Status = CommentStatus.Pending,
                CreatedAt = DateTime.UtcNow,
            }).ToList();
            db.Comments.AddRange(comments);
            await db.SaveChangesAsync();
            return comments.Select(c => c.Id).ToList();
        });
        var admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        var (_, queue) = await Html.GetAsync(admin, "/admin/comments?status=pending");
        var (action, fields) = BulkPost(queue, "reject");
        fields.RemoveAll(f => f.Key == "ids" || f.Key.StartsWith("versions[", StringComparison.Ordinal));
        fields.AddRange(ids.Select(id => new KeyValuePair<string, string>("ids", id.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        var response = await Html.PostAsync(admin, action, fields);

        Assert.Equal(QueueQuery.MaxPageSize, await _factory.WithDbAsync(db => db.Comments.CountAsync(c => ids.Contains(c.Id) && c.Status == CommentStatus.Rejected)));
        var (_, after) = await Html.GetAsync(admin, response.Headers.Location!.OriginalString);
        Assert.Equal("100 comments rejected. 50 comments not processed: at most 100 at a time.", after.QuerySelector(".notice-success")!.TextContent.Trim());
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
        var (_, queue) = await Html.GetAsync(admin, "/admin/comments?status=pending");
        await Html.SubmitAsync(admin, RowForm(queue, id, "approve"));
        var (_, approved) = await Html.GetAsync(admin, $"/admin/comments/{id}");
        var colleague = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        var (_, approvedQueue) = await Html.GetAsync(colleague, "/admin/comments?status=approved");
        await Html.SubmitAsync(colleague, RowForm(approvedQueue, id, "trash"));
        var toBinned = await Html.SubmitAsync(
            admin, approved.QuerySelector<IHtmlFormElement>($"form[action='/admin/comments/{id}/reply']")!, new Dictionary<string, string> { ["Reply.Body"] = "Replying too late." });

        Assert.Equal(HttpStatusCode.OK, toBinned.StatusCode);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Comments.CountAsync(c => c.ParentId == id)));
        var (_, article) = await Html.GetAsync(_factory.CreateClient(), $"/news/{slug}");
        Assert.Empty(article.QuerySelectorAll("#comments li.comment"));
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
    public async Task Queue_FindsACommenterByNameEmailOrNetwork_NewestFirst_InOneStatusAndArticle()
    {
        var tag = "q" + Guid.NewGuid().ToString("N")[..8];
        var article = await _factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db));
        var other = await _factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db));
        var ids = await _factory.WithDbAsync(async db =>
        {
            Comment Make(int articleId, string name, string ip, CommentStatus status) => new()
            {
                ArticleId = articleId,
                AuthorName = name,
                AuthorEmail = $"{tag}.{name.Split(' ')[0].ToLowerInvariant()}@example.org",
                IpAddress = ip,
                BodyHtml = "<p>Plain words only.</p>",
                Status = status,
                CreatedAt = DateTime.UtcNow,
            };
            var made = new[]
            {
                Make(article.Id, $"Olga {tag}", "198.51.7.10", CommentStatus.Pending),
                Make(article.Id, $"Omar {tag}", "198.51.70.1", CommentStatus.Pending),
                Make(other.Id, $"Olga {tag}", "198.51.7.11", CommentStatus.Pending),
                Make(article.Id, $"Olga {tag}", "198.51.7.12", CommentStatus.Approved),
            };
            foreach (var comment in made)
            {
                db.Comments.Add(comment);
                await db.SaveChangesAsync();
            }

            return made.Select(c => $"queue-{c.Id}").ToArray();
        });
        var admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        async Task<string[]> Found(string query)
        {
            var (response, page) = await Html.GetAsync(admin, "/admin/comments?" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return page.QuerySelectorAll(".queue-item").Select(e => e.Id ?? string.Empty).ToArray();
        }

        // The last word of a name, e-mail address or IP address may be cut short; earlier words are whole words.
        Assert.Equal([ids[2], ids[0]], await Found($"status=pending&q=Olga+{tag[..5]}"));
        Assert.Equal([ids[2], ids[1], ids[0]], await Found($"status=pending&q={tag}"));
        Assert.Equal([ids[1]], await Found($"status=pending&q={tag}.omar%40example.org"));
        Assert.Equal([ids[2], ids[0]], await Found("status=pending&q=198.51.7"));
        Assert.Equal([ids[0]], await Found("status=pending&q=198.51.7.10"));
        Assert.Equal([ids[1], ids[0]], await Found($"status=pending&q={tag}&article={article.Id}"));
        Assert.Equal([ids[0], ids[1]], await Found($"status=pending&q={tag}&article={article.Id}&sort=oldest"));
        Assert.Equal([ids[3]], await Found($"status=approved&q={tag}"));
        Assert.Empty(await Found("status=pending&q=%25%25%5B"));
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

    [Fact]
    public async Task Settings_PostedWithOnlyTheToken_SavesNothingAndSaysSettingsWereMissing()
    {
        var admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        var (_, settings) = await Html.GetAsync(admin, "/admin/settings");
        var form = settings.QuerySelector<IHtmlFormElement>("main form.settings-form")!;
        var tokenOnly = Html.FormValues(form).Where(f => f.Key == "__RequestVerificationToken").ToList();

        var response = await Html.PostAsync(admin, Html.ActionOf(form), tokenOnly);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Some settings were missing from the form, so nothing was saved.", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.CommentSettings.CountAsync()));
    }

    [Theory]
    [InlineData("PreModeration", "yes")]
    [InlineData("AutoApprovePreviouslyApproved", "on")]
    [InlineData("MaxLinks", "99999999999999999999")]
    [InlineData("MaxLinks", "-1")]
    [InlineData("AutoCloseAfterDays", "1e3")]
    [InlineData("Version", "x")]
    public async Task Settings_FieldThatIsNotItsType_ShowsTheFormAgainAndSavesNothing(string field, string value)
    {
        var admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        var (_, settings) = await Html.GetAsync(admin, "/admin/settings");
        var form = settings.QuerySelector<IHtmlFormElement>("main form.settings-form")!;

        var response = await Html.PostAsync(admin, Html.ActionOf(form), Html.FormValues(form, new Dictionary<string, string> { [field] = value }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("main form.settings-form"));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.CommentSettings.CountAsync()));
    }

    [Fact]
    public async Task Queue_OfOneArticle_ShowsAndCountsOnlyThatArticlesComments()
    {
        var (article, other) = await _factory.WithDbAsync(async db => (await new ArticleBuilder().SaveAsync(db), await new ArticleBuilder().SaveAsync(db)));
        await AddCommentsAsync(article.Id, CommentStatus.Approved, 7, "On the article we filter to");
        await AddCommentsAsync(other.Id, CommentStatus.Approved, 3, "On another article");
        var admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);

        var (response, queue) = await Html.GetAsync(admin, $"/admin/comments?status=approved&article={article.Id}&size=5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = queue.QuerySelectorAll(".queue-item");
        Assert.Equal(5, rows.Length);
        Assert.All(rows, r => Assert.Contains("On the article we filter to", r.TextContent, StringComparison.Ordinal));
        Assert.Contains("(6)", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("7 comments", queue.QuerySelector(".result-count")!.TextContent.Trim());
        Assert.Contains(article.Headline, queue.QuerySelector(".filter-note")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Page 1 of 2", queue.QuerySelector(".pager-status")!.TextContent.Trim());
    }

    [Fact]
    public async Task Queue_PagePastTheEnd_ShowsTheLastPage()
    {
        var article = await _factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db));
        await AddCommentsAsync(article.Id, CommentStatus.Spam, 7, "Deep paging");
        var admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        _factory.Services.GetRequiredService<CommentCounts>().Forget(); // the rows above were written behind the site's back

        var (response, last) = await Html.GetAsync(admin, $"/admin/comments?status=spam&article={article.Id}&size=5&page=9999");
        var (wholeResponse, whole) = await Html.GetAsync(admin, "/admin/comments?status=spam&size=5&page=10000");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, last.QuerySelectorAll(".queue-item").Length);
        Assert.Contains("(0)", last.QuerySelectorAll(".queue-item")[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("Page 2 of 2", last.QuerySelector(".pager-status")!.TextContent.Trim());
        Assert.NotNull(last.QuerySelector(".pager a[rel=prev]"));
        Assert.Null(last.QuerySelector(".pager a[rel=next]"));
        Assert.Equal(HttpStatusCode.OK, wholeResponse.StatusCode);
        Assert.NotEmpty(whole.QuerySelectorAll(".queue-item"));
        Assert.Null(whole.QuerySelector(".pager a[rel=next]"));
    }

    [Fact]
    public async Task Queue_SearchMatchingMoreThanTheLimit_SaysMoreThanAndStillPages()
    {
        var article = await _factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db));
        await AddCommentsAsync(article.Id, CommentStatus.Rejected, NewsPortal.Web.Features.Shared.Paging.SearchCountLimit + 5, "Marmalade everywhere");
        var admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);

        var (response, queue) = await Html.GetAsync(admin, "/admin/comments?status=rejected&q=marmalade&size=100&page=11");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            $"More than {NewsPortal.Web.Features.Shared.Paging.SearchCountLimit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} comments; narrow the search to see how many.",
            queue.QuerySelector(".result-count")!.TextContent.Trim());
        Assert.Equal(5, queue.QuerySelectorAll(".queue-item").Length);
        Assert.Equal("Page 11", queue.QuerySelector(".pager-status")!.TextContent.Trim());
    }

    [Fact]
    public async Task Counts_AfterApprovingAComment_MoveOnTheModeratorsNextPage()
    {
        var (id, _) = await ReaderPostsAsync("Count me once I am approved.");
        var admin = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        _factory.Services.GetRequiredService<CommentCounts>().Forget();
        var (_, before) = await Html.GetAsync(admin, "/admin");
        var (_, queue) = await Html.GetAsync(admin, "/admin/comments?status=pending");

        await Html.SubmitAsync(admin, RowForm(queue, id, "approve"));
        var (_, after) = await Html.GetAsync(admin, "/admin");
        var (_, tabs) = await Html.GetAsync(admin, "/admin/comments?status=approved");

        Assert.Equal(StatNumber(before, "pending") - 1, StatNumber(after, "pending"));
        Assert.Equal(StatNumber(before, "approved") + 1, StatNumber(after, "approved"));
        Assert.Equal(
            StatNumber(after, "approved").ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            tabs.QuerySelector(".status-tabs a[aria-current='page'] .count")!.TextContent.Trim());
        Assert.Equal(
            await _factory.WithDbAsync(db => db.Comments.CountAsync(c => c.Status == CommentStatus.Approved)),
            StatNumber(after, "approved"));
    }
}
