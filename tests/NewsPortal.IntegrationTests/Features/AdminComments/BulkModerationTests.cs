namespace NewsPortal.IntegrationTests.Features.AdminComments;

/// <summary>Bulk actions on the queue: every ticked comment changed once, stale pages and colleagues counted, a page worth at most.</summary>
public sealed class BulkModerationTests(ModerationTestBase.Factory factory) : ModerationTestBase(factory), IClassFixture<ModerationTestBase.Factory>
{
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

    /// <summary>A moderator of their own (a browser signed in as the admin) with the article's pending queue open.</summary>
    private async Task<(HttpClient Moderator, IDocument Queue)> OpenQueueAsync(int articleId)
    {
        var moderator = await _factory.SignedInAsync(StaffSessions.AdminEmail);
        var (_, queue) = await Html.GetAsync(moderator, $"/admin/comments?status=pending&article={articleId}");
        return (moderator, queue);
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
        var (me, myQueue) = await OpenQueueAsync(articleId);
        var (colleague, theirQueue) = await OpenQueueAsync(articleId);

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
        var (first, firstQueue) = await OpenQueueAsync(articleId);
        var (second, secondQueue) = await OpenQueueAsync(articleId);
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
            await StoredComments.AddHeldAsync(db, await db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync(), 150, "Many"));
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
}
