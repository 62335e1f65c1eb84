namespace NewsPortal.IntegrationTests.Features.AdminComments;

/// <summary>The moderation queue: what it lists, its search, paging and counts, and the dashboard.</summary>
public sealed class ModerationQueueTests(ModerationTestBase.Factory factory) : ModerationTestBase(factory), IClassFixture<ModerationTestBase.Factory>
{
    private static int StatNumber(IDocument dashboard, string status) =>
        int.Parse(dashboard.QuerySelector($".stat-{status} .stat-number")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);

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
