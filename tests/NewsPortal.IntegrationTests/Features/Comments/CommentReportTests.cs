namespace NewsPortal.IntegrationTests.Features.Comments;

/// <summary>Readers reporting a published comment through the plain HTML form (no JavaScript: AngleSharp runs none).</summary>
public sealed class CommentReportTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private readonly NewsPortalFactory _factory = factory;

    private Task<List<CommentReport>> ReportsOfAsync(int commentId) =>
        _factory.WithDbAsync(db => db.CommentReports.AsNoTracking().Where(r => r.CommentId == commentId).OrderBy(r => r.Id).ToListAsync());

    private Task<Comment> CommentAsync(int id) => _factory.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Id == id));

    [Fact]
    public async Task Report_FromTheCommentsLinkWithoutJavaScript_IsStoredQueuedAndThanked()
    {
        var (slug, id) = await _factory.PublishedCommentAsync();
        var reader = _factory.Reader("198.51.100.1");

        var response = await Reports.ReportAsync(reader, slug, id, "abuse", "Insults another reader.", "watcher@example.com");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/news/{slug}/comments/{id}/report/sent", response.Headers.Location!.OriginalString);
        Assert.True(Reports.Thanks.TryGetValue(response, out var thanks));
        Assert.Contains("Your report has been sent to the moderators", thanks.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(thanks.QuerySelector("form.report-form"));
        var report = Assert.Single(await ReportsOfAsync(id));
        Assert.Equal(ReportReason.Abuse, report.Reason);
        Assert.Equal("Insults another reader.", report.Explanation);
        Assert.Equal("watcher@example.com", report.ReporterEmail);
        Assert.Null(report.Decision);
        var comment = await CommentAsync(id);
        Assert.Equal(CommentStatus.Approved, comment.Status);
        Assert.Equal(1, comment.ReportPriority);
        Assert.NotNull(comment.ReportedAt);

        // Still published for everyone else: one report is not a verdict; the reporter's address is never shown.
        var (_, article) = await Html.GetAsync(_factory.Reader(), $"/news/{slug}");
        Assert.NotNull(article.QuerySelector($"#comment-{id}"));
        Assert.DoesNotContain("watcher@example.com", article.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportForm_HasTheReasonsAnAntiforgeryTokenAStampAndAHoneypot()
    {
        var (slug, id) = await _factory.PublishedCommentAsync();

        var form = await Reports.OpenReportFormAsync(_factory.Reader(), slug, id);

        Assert.Equal(
            ["spam", "abuse", "off-topic", "illegal", "other"],
            form.QuerySelectorAll<IHtmlInputElement>("input[name=Reason]").Select(r => r.Value));
        Assert.NotEmpty(form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value);
        Assert.NotEmpty(form.QuerySelector<IHtmlInputElement>("input[name=Stamp]")!.Value);
        Assert.NotNull(form.QuerySelector(".hp-field input[name=Website]"));
        Assert.Equal($"/news/{slug}/comments/{id}/report", Html.ActionOf(form));
    }

    [Fact]
    public async Task Report_IllegalWithoutExplanation_AsksForOneAndStoresNothing()
    {
        var (slug, id) = await _factory.PublishedCommentAsync();
        var reader = _factory.Reader();

        var response = await Reports.ReportAsync(reader, slug, id, "illegal", email: "keep.me@example.com");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(CommentReportForm.ExplanationRequiredMessage, page.QuerySelector("#Explanation-error")!.TextContent.Trim());
        Assert.True(page.QuerySelector<IHtmlInputElement>("#Reason-illegal")!.IsChecked);
        Assert.Equal("keep.me@example.com", page.QuerySelector<IHtmlInputElement>("#Email")!.Value);
        Assert.Empty(await ReportsOfAsync(id));
    }

    [Fact]
    public async Task Report_WithoutAReasonOrWithABadEmail_ShowsTheMessagesAndStoresNothing()
    {
        var (slug, id) = await _factory.PublishedCommentAsync();
        var reader = _factory.Reader();
        var form = await Reports.OpenReportFormAsync(reader, slug, id);

        var response = await Html.SubmitAsync(reader, form, new Dictionary<string, string> { ["Email"] = "not-an-email", ["Explanation"] = "Typed text" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Please choose a reason.", page.QuerySelector("#Reason-error")!.TextContent.Trim());
        Assert.Equal("You have entered an incorrect email address!", page.QuerySelector("#Email-error")!.TextContent.Trim());
        Assert.Equal("Typed text", page.QuerySelector<IHtmlTextAreaElement>("#Explanation")!.Value);
        Assert.Empty(await ReportsOfAsync(id));

        var unknown = await Html.SubmitAsync(reader, form, new Dictionary<string, string> { ["Reason"] = "boring" });
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal("Please choose one of the reasons listed.", (await Html.ParseAsync(unknown)).QuerySelector("#Reason-error")!.TextContent.Trim());
        Assert.Empty(await ReportsOfAsync(id));
    }

    [Fact]
    public async Task Report_Illegal_GoesToTheTopOfTheQueueWithoutHoldingTheComment()
    {
        var (slug, id) = await _factory.PublishedCommentAsync();

        await Reports.ReportAsync(_factory.Reader("198.51.100.2"), slug, id, "illegal", "Defamation: it names a private person as a criminal.");

        var comment = await CommentAsync(id);
        Assert.Equal(0, comment.ReportPriority);
        Assert.Equal(CommentStatus.Approved, comment.Status);
        Assert.Equal("Defamation: it names a private person as a criminal.", Assert.Single(await ReportsOfAsync(id)).Explanation);
    }

    [Fact]
    public async Task Report_SecondTimeFromTheSameReader_IsAcknowledgedButNotCounted()
    {
        var (slug, id) = await _factory.PublishedCommentAsync();
        var reader = _factory.Reader("198.51.100.3");
        await Reports.ReportAsync(reader, slug, id, "spam");

        var again = await Reports.ReportAsync(reader, slug, id, "abuse");

        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        Assert.True(Reports.Thanks.TryGetValue(again, out var thanks));
        Assert.Contains("You had already reported this comment, so it is counted once", thanks.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ReportReason.Spam, Assert.Single(await ReportsOfAsync(id)).Reason);
    }

    [Fact]
    public async Task Report_FromANewBrowserOnTheSameAddress_IsNotCountedAgain()
    {
        var (slug, id) = await _factory.PublishedCommentAsync();
        await Reports.ReportAsync(_factory.Reader("198.51.100.4"), slug, id, "spam");

        // Cookies cleared (a new client), same network address.
        await Reports.ReportAsync(_factory.Reader("198.51.100.4"), slug, id, "spam");

        Assert.Single(await ReportsOfAsync(id));
    }

    [Fact]
    public async Task Reports_FromThreeReaders_HoldTheCommentWithTheReasonInItsHistory_AndReadersNoLongerSeeIt()
    {
        var (slug, id) = await _factory.PublishedCommentAsync("Rude words here.");
        var bystander = _factory.Reader();
        var (_, before) = await Html.GetAsync(bystander, $"/news/{slug}");
        Assert.NotNull(before.QuerySelector($"#comment-{id}"));

        await Reports.ReportAsync(_factory.Reader("203.0.113.1"), slug, id, "abuse");
        await Reports.ReportAsync(_factory.Reader("203.0.113.2"), slug, id, "spam");
        Assert.Equal(CommentStatus.Approved, (await CommentAsync(id)).Status);
        await Reports.ReportAsync(_factory.Reader("203.0.113.3"), slug, id, "abuse");

        var comment = await CommentAsync(id);
        Assert.Equal(CommentStatus.Pending, comment.Status);
        Assert.Contains("3 readers reported it", comment.StatusReason, StringComparison.Ordinal);
        var history = Assert.Single(await _factory.WithDbAsync(db => db.CommentHistory.AsNoTracking().Where(h => h.CommentId == id).ToListAsync()));
        Assert.Equal(CommentReportService.ReadersActor, history.ChangedBy);
        Assert.Equal((CommentStatus.Approved, CommentStatus.Pending), (history.FromStatus, history.ToStatus));
        Assert.Contains("Spam or advertising, Abuse or harassment", history.Note, StringComparison.Ordinal);

        // The reader cache heard of it: the next anonymous page no longer shows the comment.
        var (_, after) = await Html.GetAsync(bystander, $"/news/{slug}");
        Assert.Null(after.QuerySelector($"#comment-{id}"));
        Assert.DoesNotContain("Rude words here.", after.DocumentElement.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_ThatHoldsTheComment_ThanksItsReaderInsteadOf404()
    {
        var (slug, id) = await _factory.PublishedCommentAsync("Held by the third report.");
        await Reports.ReportAsync(_factory.Reader("203.0.113.21"), slug, id, "abuse");
        await Reports.ReportAsync(_factory.Reader("203.0.113.22"), slug, id, "abuse");

        var third = await Reports.ReportAsync(_factory.Reader("203.0.113.23"), slug, id, "spam");

        Assert.Equal(CommentStatus.Pending, (await CommentAsync(id)).Status);
        Assert.Equal(HttpStatusCode.SeeOther, third.StatusCode);
        Assert.True(Reports.Thanks.TryGetValue(third, out var thanks));
        Assert.Contains("Your report has been sent to the moderators", thanks.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Held by the third report.", thanks.DocumentElement.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_FromThreeAddressesOfOneIPv6Slash64WithFreshCookies_CountOnce()
    {
        var (slug, id) = await _factory.PublishedCommentAsync();

        // One subscriber: a new browser (no cookie) and a new interface identifier inside their /64 each time.
        foreach (var address in new[] { "2001:db8:1:2::a", "2001:db8:1:2::b", "2001:db8:1:2::c" })
        {
            Assert.Equal(HttpStatusCode.SeeOther, (await Reports.ReportAsync(_factory.Reader(address), slug, id, "spam")).StatusCode);
        }

        Assert.Single(await ReportsOfAsync(id));
        Assert.Equal(CommentStatus.Approved, (await CommentAsync(id)).Status);

        // Another /64 is another reader.
        await Reports.ReportAsync(_factory.Reader("2001:db8:1:3::a"), slug, id, "spam");
        Assert.Equal(2, (await ReportsOfAsync(id)).Count);
    }

    [Fact]
    public async Task Report_WithoutAntiforgeryToken_Returns400AndStoresNothing()
    {
        var (slug, id) = await _factory.PublishedCommentAsync();
        var reader = _factory.Reader();
        var form = await Reports.OpenReportFormAsync(reader, slug, id);

        var response = await CrossSitePosts.PostWithoutTokenAsync(reader, form, new Dictionary<string, string> { ["Reason"] = "spam" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await ReportsOfAsync(id));
    }

    [Fact]
    public async Task Report_ByABotThatFillsTheHoneypotOrForgesTheStamp_IsThankedButNotStored()
    {
        var (slug, id) = await _factory.PublishedCommentAsync();
        var reader = _factory.Reader("198.51.100.5");
        var form = await Reports.OpenReportFormAsync(reader, slug, id);

        var honeypot = await Html.SubmitAsync(reader, form, new Dictionary<string, string> { ["Reason"] = "spam", ["Website"] = "http://bot.example" });
        var forged = await Html.SubmitAsync(_factory.Reader("198.51.100.6"), await Reports.OpenReportFormAsync(_factory.Reader("198.51.100.6"), slug, id), new Dictionary<string, string> { ["Reason"] = "spam", ["Stamp"] = "1.2.3.4" });

        Assert.Equal(HttpStatusCode.SeeOther, honeypot.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, forged.StatusCode);
        Assert.Empty(await ReportsOfAsync(id));
    }

    [Fact]
    public async Task ReportPage_ForAHeldOrUnknownComment_Is404()
    {
        var (slug, id) = await _factory.PublishedCommentAsync();
        await _factory.WithDbAsync(db => db.Comments.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CommentStatus.Pending)));
        _factory.ForgetReaderCache();

        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Reader().GetAsync(new Uri($"/news/{slug}/comments/{id}/report", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Reader().GetAsync(new Uri($"/news/{slug}/comments/99999999/report", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Reader().GetAsync(new Uri($"/news/no-such-article/comments/{id}/report", UriKind.Relative))).StatusCode);
    }
}

/// <summary>The per-address limit on reports, with its own small limit.</summary>
public sealed class CommentReportLimitTests(CommentReportLimitTests.Factory factory) : IClassFixture<CommentReportLimitTests.Factory>
{
    private readonly Factory _factory = factory;

    public sealed class Factory : NewsPortalFactory
    {
        public Factory() => Settings["Comments:ReportsPerHourPerIp"] = "2";
    }

    [Fact]
    public async Task Reports_OverThePerAddressLimit_GetAFriendly429WithRetryAfter()
    {
        var reader = _factory.Reader("192.0.2.77");
        for (var i = 0; i < 2; i++)
        {
            var (slug, id) = await _factory.PublishedCommentAsync();
            Assert.Equal(HttpStatusCode.SeeOther, (await Reports.ReportAsync(reader, slug, id, "spam")).StatusCode);
        }

        var (lastSlug, lastId) = await _factory.PublishedCommentAsync();
        var refused = await Reports.ReportAsync(reader, lastSlug, lastId, "spam");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("Please wait a minute and try again", (await Html.ParseAsync(refused)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await _factory.WithDbAsync(db => db.CommentReports.Where(r => r.CommentId == lastId).ToListAsync()));

        // Another address is not affected.
        Assert.Equal(HttpStatusCode.SeeOther, (await Reports.ReportAsync(_factory.Reader("192.0.2.78"), lastSlug, lastId, "spam")).StatusCode);
    }
}
