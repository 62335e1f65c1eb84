namespace NewsPortal.IntegrationTests.Features.AdminArticles;

/// <summary>The review workflow: submit, send back with a note, resubmit, schedule or publish, withdraw; the reporter is told by mail and the queue shows the oldest first.</summary>
public sealed class ArticleReviewTests(ArticleReviewTestBase.Factory factory) : ArticleReviewTestBase(factory), IClassFixture<ArticleReviewTestBase.Factory>
{
    [Fact]
    public async Task SubmitSendBackResubmitPublish_TellsTheReporterByMail_AndKeepsTheHistory()
    {
        var reporter = await _factory.AsAsync(Reporter);
        var editor = await _factory.AsAsync(Editor);
        var id = await ReporterDraftAsync(reporter, "Tram line extension approved by council");

        var submitted = await SaveAsync(reporter, $"/admin/articles/{id}/edit", new Dictionary<string, string> { ["ReviewNote"] = "Ready; quotes checked." }, "submit");
        Assert.Equal(HttpStatusCode.SeeOther, submitted.StatusCode);
        var article = await ArticleAsync(id);
        Assert.NotNull(article.SubmittedAt);
        Assert.Equal("Ready; quotes checked.", article.SubmissionNote);
        Assert.Equal(ArticleStatus.Draft, article.Status);

        // Read-only to its reporter until it comes back: no editor form, and a post to it is refused.
        var (_, readOnly) = await Html.GetAsync(reporter, $"/admin/articles/{id}/edit");
        Assert.Null(readOnly.QuerySelector("form.article-editor"));
        Assert.NotNull(readOnly.QuerySelector($"form[action='/admin/articles/{id}/withdraw']"));
        var (_, blank) = await Html.GetAsync(reporter, "/admin/articles/new");
        var post = Html.FormValues(blank.QuerySelector<IHtmlFormElement>("form.article-editor")!, await FieldsAsync(_factory, "Changed while in review"));
        post.Add(new("intent", "savedraft"));
        var refused = await Html.PostAsync(reporter, $"/admin/articles/{id}/edit", post);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("waiting for review", (await Html.ParseAsync(refused)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Tram line extension approved by council", (await ArticleAsync(id)).Headline);

        var sentBack = await PostWithTokenAsync(editor, $"/admin/articles/{id}/send-back", ("note", "Add the cost and a second source."));
        Assert.Equal(HttpStatusCode.SeeOther, sentBack.StatusCode);
        article = await ArticleAsync(id);
        Assert.Null(article.SubmittedAt);
        Assert.Equal("Add the cost and a second source.", article.SentBackNote);
        var mail = await _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == MailKinds.ReviewSentBack && m.ToAddress == Reporter).ToListAsync());
        var sentBackMail = Assert.Single(mail, m => m.Subject.Contains("Tram line extension", StringComparison.Ordinal));
        Assert.Contains("Add the cost and a second source.", sentBackMail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/admin/articles/{id}/edit", sentBackMail.TextBody, StringComparison.Ordinal);

        var (_, back) = await Html.GetAsync(reporter, $"/admin/articles/{id}/edit");
        Assert.Contains("Add the cost and a second source.", back.QuerySelector(".review-block")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(back.QuerySelector("form.article-editor"));

        Assert.Equal(HttpStatusCode.SeeOther, (await SaveAsync(reporter, $"/admin/articles/{id}/edit",
            new Dictionary<string, string> { ["BodyHtml"] = "<p>It costs 40 million.</p>", ["ReviewNote"] = "Cost added." }, "submit")).StatusCode);
        Assert.NotNull((await ArticleAsync(id)).SubmittedAt);

        var published = await SaveAsync(editor, $"/admin/articles/{id}/edit", new Dictionary<string, string>(), "publish");
        Assert.Equal(HttpStatusCode.SeeOther, published.StatusCode);
        article = await ArticleAsync(id);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Null(article.SubmittedAt);
        var publishedMail = await _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .SingleAsync(m => m.Kind == MailKinds.ReviewPublished && m.ToAddress == Reporter && m.Subject.Contains("Tram line extension")));
        Assert.Contains($"/news/{article.Slug}", publishedMail.TextBody, StringComparison.Ordinal);

        var history = await _factory.WithDbAsync(db => db.ArticleEvents.AsNoTracking().Where(e => e.ArticleId == id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal([ArticleEventKinds.Submitted, ArticleEventKinds.SentBack, ArticleEventKinds.Submitted, ArticleEventKinds.Published], history);

        // Published, it has left the reporter's hands.
        Assert.Null(await EditorFormAsync(reporter, id));
    }

    [Fact]
    public async Task Scheduling_ASubmittedStory_TellsTheReporter()
    {
        var reporter = await _factory.AsAsync(Reporter);
        var editor = await _factory.AsAsync(Editor);
        var id = await SubmittedDraftAsync(reporter, "Library opening hours extended in winter");
        var at = TimeZoneInfo.ConvertTime(_factory.Clock.GetUtcNow().AddHours(5), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

        var scheduled = await SaveAsync(editor, $"/admin/articles/{id}/edit",
            new Dictionary<string, string> { ["PublishAt"] = at.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) }, "schedule");

        Assert.Equal(HttpStatusCode.SeeOther, scheduled.StatusCode);
        Assert.Equal(ArticleStatus.Scheduled, (await ArticleAsync(id)).Status);
        var mail = await _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .SingleAsync(m => m.Kind == MailKinds.ReviewPublished && m.Subject.Contains("Library opening hours")));
        Assert.Equal(Reporter, mail.ToAddress);
        Assert.Contains(at.ToString("HH:mm", CultureInfo.InvariantCulture), mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendBack_WithoutANote_IsRefusedWithAMessage_AndTheStoryStaysInTheQueue()
    {
        var reporter = await _factory.AsAsync(Reporter);
        var editor = await _factory.AsAsync(Editor);
        var id = await SubmittedDraftAsync(reporter, "Harbour wall repairs begin next week");

        var response = await PostWithTokenAsync(editor, $"/admin/articles/{id}/send-back", ("note", "   "));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.NotNull((await ArticleAsync(id)).SubmittedAt);
        var (_, page) = await Html.GetAsync(editor, $"/admin/articles/{id}/edit");
        Assert.Contains("Write a note telling the reporter what to change.", page.QuerySelector(".notice-warning")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdraw_ReturnsTheStoryToItsReporterAsADraft()
    {
        var reporter = await _factory.AsAsync(Reporter);
        var id = await SubmittedDraftAsync(reporter, "Cycle lane consultation opens to residents");

        var response = await PostWithTokenAsync(reporter, $"/admin/articles/{id}/withdraw");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Null((await ArticleAsync(id)).SubmittedAt);
        Assert.NotNull(await EditorFormAsync(reporter, id));
    }

    [Fact]
    public async Task ReviewQueue_ListsOldestFirst_WithCountAndAge_OnTheTabAndTheDashboard()
    {
        var reporter = await _factory.AsAsync(Reporter);
        var editor = await _factory.AsAsync(Editor);
        // Whatever other tests left in the queue goes first: clear it so this test's counts are its own.
        await _factory.WithDbAsync(db => db.Articles.Where(a => a.SubmittedAt != null).ExecuteUpdateAsync(s => s.SetProperty(a => a.SubmittedAt, (DateTime?)null)));
        var ids = new List<int>();
        foreach (var headline in new[] { "Queue story submitted first", "Queue story submitted second", "Queue story submitted third" })
        {
            var id = await ReporterDraftAsync(reporter, headline);
            await SaveAsync(reporter, $"/admin/articles/{id}/edit", new Dictionary<string, string> { ["ReviewNote"] = headline }, "submit");
            ids.Add(id);
            _factory.Clock.Advance(TimeSpan.FromHours(1));
        }

        var (response, queue) = await Html.GetAsync(editor, "/admin/articles?status=review");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = queue.QuerySelectorAll(".review-queue tbody tr").Select(r => r.QuerySelector("a")!.GetAttribute("href")).ToList();
        Assert.Equal(ids.Select(i => $"/admin/articles/{i}/edit"), rows);
        Assert.Contains("3 hours", queue.QuerySelector(".review-queue tbody tr td:nth-child(3)")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ready for review (3)", queue.QuerySelector(".article-tabs")!.TextContent, StringComparison.Ordinal);
        var (_, all) = await Html.GetAsync(editor, "/admin/articles");
        Assert.Contains("Ready for review (3)", all.QuerySelector(".article-tabs")!.TextContent, StringComparison.Ordinal);

        var (dashboardResponse, dashboard) = await Html.GetAsync(editor, "/admin");
        Assert.Equal(HttpStatusCode.OK, dashboardResponse.StatusCode);
        Assert.Equal("3", dashboard.QuerySelector(".stat-review .stat-number")!.TextContent.Trim());
        Assert.Contains("3 hours", dashboard.QuerySelector(".oldest-review")!.TextContent, StringComparison.Ordinal);
        Assert.Null(dashboard.QuerySelector(".oldest-pending"));

        // Moderators keep their dashboard, without the newsroom's queue; a reporter sees their own stories.
        var (_, moderators) = await Html.GetAsync(await _factory.AsAsync(Moderator), "/admin");
        Assert.NotNull(moderators.QuerySelector(".oldest-pending"));
        Assert.Null(moderators.QuerySelector(".stat-review"));
        var (_, reporters) = await Html.GetAsync(reporter, "/admin");
        Assert.Null(reporters.QuerySelector(".stat-review"));
        Assert.Null(reporters.QuerySelector(".oldest-pending"));
        Assert.Contains("Ready for review", reporters.QuerySelector(".dashboard-mine")!.TextContent, StringComparison.Ordinal);
    }
}
