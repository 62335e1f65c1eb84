namespace NewsPortal.IntegrationTests.Features.AdminComments;

/// <summary>Moderators working the reported queue: decisions, statements of reasons, notices, concurrency.</summary>
public sealed class ReportModerationTests(ReportModerationTests.Factory factory) : IClassFixture<ReportModerationTests.Factory>
{
    public sealed class Factory : NewsPortalFactory
    {
        public Factory() => this.WithAdmin();
    }

    private static int _address;

    /// <summary>A new reader on a new address.</summary>
    private HttpClient NewReader() => factory.Reader($"10.20.{Interlocked.Increment(ref _address) / 250}.{(_address % 250) + 1}");

    private Task<Comment> CommentAsync(int id) => factory.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Id == id));

    private Task<List<OutboxMessage>> MailToAsync(string address) =>
        factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == address).OrderBy(m => m.Id).ToListAsync());

    private static IHtmlFormElement DecisionForm(IDocument queue, int id) =>
        queue.QuerySelector<IHtmlFormElement>($"#queue-{id} form.decision-form") ?? throw new InvalidOperationException($"Comment {id} is not in the reported queue.");

    /// <summary>Presses one of the decision form's buttons, as a browser does (its formaction, if any).</summary>
    private static Task<HttpResponseMessage> PressAsync(HttpClient client, IHtmlFormElement form, string shortcut, Dictionary<string, string>? values = null)
    {
        var button = form.QuerySelector($"button[data-shortcut='{shortcut}']")!;
        var action = button.GetAttribute("formaction") ?? Html.ActionOf(form);
        return Html.PostAsync(client, action, Html.FormValues(form, values));
    }

    [Fact]
    public async Task ReportedQueue_ListsEachCommentWithItsReports_IllegalFirstThenOldest_AndTheDashboardCountsThem()
    {
        var (slugA, older) = await factory.PublishedCommentAsync("Reported first, for spam.");
        var (slugB, illegal) = await factory.PublishedCommentAsync("Reported later, as illegal.");
        await Reports.ReportAsync(NewReader(), slugA, older, "spam", "Links to a casino.");
        await Reports.ReportAsync(NewReader(), slugB, illegal, "illegal", "Incitement to violence.");
        var admin = await factory.SignedInAsync(StaffSessions.AdminEmail);

        var (response, queue) = await Html.GetAsync(admin, "/admin/comments?status=reported");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var order = queue.QuerySelectorAll(".queue-item").Select(li => li.Id).ToList();
        Assert.True(order.IndexOf($"queue-{illegal}") < order.IndexOf($"queue-{older}"), string.Join(",", order));
        var row = queue.QuerySelector($"#queue-{older}")!;
        Assert.Contains("Spam or advertising", row.QuerySelector(".report-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Links to a casino.", row.QuerySelector(".report-list")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector(".report-list site-time, .report-list time"));
        Assert.Contains("Illegal content", queue.QuerySelector($"#queue-{illegal} .badge-illegal")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Illegal content", queue.QuerySelector<IHtmlSelectElement>($"#ground-{illegal}")!.Value);

        var (_, dashboard) = await Html.GetAsync(admin, "/admin");
        var reported = int.Parse(dashboard.QuerySelector(".stat-reported .stat-number")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(reported >= 2);
        Assert.Contains("illegal content", dashboard.QuerySelector(".stat-reported .stat-label")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dismiss_KeepsTheComment_PutsBackOneTheReportsHeld_AndTellsTheReporters()
    {
        var (slug, id) = await factory.PublishedCommentAsync("Perfectly fine, but unpopular.");
        await Reports.ReportAsync(NewReader(), slug, id, "abuse", email: "first.reporter@example.com");
        await Reports.ReportAsync(NewReader(), slug, id, "abuse");
        await Reports.ReportAsync(NewReader(), slug, id, "other");
        Assert.Equal(CommentStatus.Pending, (await CommentAsync(id)).Status);
        var admin = await factory.SignedInAsync(StaffSessions.AdminEmail);
        var (_, queue) = await Html.GetAsync(admin, "/admin/comments?status=reported");

        var response = await PressAsync(admin, DecisionForm(queue, id), "d");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var comment = await CommentAsync(id);
        Assert.Equal(CommentStatus.Approved, comment.Status);
        Assert.Null(comment.ReportPriority);
        var reports = await factory.WithDbAsync(db => db.CommentReports.AsNoTracking().Where(r => r.CommentId == id).ToListAsync());
        Assert.All(reports, r => Assert.Equal(ReportDecision.Dismissed, r.Decision));
        var history = await factory.WithDbAsync(db => db.CommentHistory.AsNoTracking().Where(h => h.CommentId == id).OrderBy(h => h.Id).ToListAsync());
        Assert.Equal("Dismissed 3 reports", history[^1].Note);
        Assert.Equal((CommentStatus.Pending, CommentStatus.Approved), (history[^1].FromStatus, history[^1].ToStatus));
        var mail = Assert.Single(await MailToAsync("first.reporter@example.com"));
        Assert.Equal(MailKinds.ReportOutcome, mail.Kind);
        Assert.Contains("The comment stays", mail.TextBody, StringComparison.Ordinal);
        Assert.Empty(await MailToAsync("author@example.com"));

        var (_, after) = await Html.GetAsync(admin, "/admin/comments?status=reported");
        Assert.Null(after.QuerySelector($"#queue-{id}"));
        var (_, article) = await Html.GetAsync(factory.Reader(), $"/news/{slug}");
        Assert.NotNull(article.QuerySelector($"#comment-{id}"));
    }

    [Fact]
    public async Task Remove_WithAStatementOfReasons_TakesTheCommentDown_AndQueuesTheAuthorsAndReportersNotices()
    {
        var (slug, id) = await factory.PublishedCommentAsync("Something defamatory.", email: "removed.author@example.com");
        await Reports.ReportAsync(NewReader(), slug, id, "illegal", "Defamation of a named person.", "illegal.reporter@example.com");
        var admin = await factory.SignedInAsync(StaffSessions.AdminEmail);
        var (_, queue) = await Html.GetAsync(admin, "/admin/comments?status=reported");

        var response = await PressAsync(admin, DecisionForm(queue, id), "t", new() { ["ground"] = "Illegal content", ["statement"] = "It accuses a named person of a crime without evidence." });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var comment = await CommentAsync(id);
        Assert.Equal(CommentStatus.Trash, comment.Status);
        Assert.Equal("Illegal content: It accuses a named person of a crime without evidence.", comment.StatusReason);
        var report = Assert.Single(await factory.WithDbAsync(db => db.CommentReports.AsNoTracking().Where(r => r.CommentId == id).ToListAsync()));
        Assert.Equal((ReportDecision.Removed, "Illegal content", "It accuses a named person of a crime without evidence."), (report.Decision!.Value, report.DecisionGround, report.DecisionStatement));
        Assert.Equal(StaffSessions.AdminEmail, report.DecidedBy);
        var history = await factory.WithDbAsync(db => db.CommentHistory.AsNoTracking().Where(h => h.CommentId == id).OrderBy(h => h.Id).ToListAsync());
        Assert.StartsWith("Removed after 1 report: Illegal content. It accuses", history[^1].Note, StringComparison.Ordinal);

        var toAuthor = Assert.Single(await MailToAsync("removed.author@example.com"));
        Assert.Equal(MailKinds.StatementOfReasons, toAuthor.Kind);
        Assert.Contains("Illegal content", toAuthor.TextBody, StringComparison.Ordinal);
        Assert.Contains("It accuses a named person of a crime without evidence.", toAuthor.TextBody, StringComparison.Ordinal);
        Assert.Contains("Something defamatory.", toAuthor.TextBody, StringComparison.Ordinal);
        var toReporter = Assert.Single(await MailToAsync("illegal.reporter@example.com"));
        Assert.Equal(MailKinds.ReportOutcome, toReporter.Kind);
        Assert.Contains("The comment has been removed.", toReporter.TextBody, StringComparison.Ordinal);

        var (_, article) = await Html.GetAsync(factory.Reader(), $"/news/{slug}");
        Assert.Null(article.QuerySelector($"#comment-{id}"));
    }

    [Fact]
    public async Task Hide_WithoutAGround_ChangesNothingAndSaysWhy()
    {
        var (slug, id) = await factory.PublishedCommentAsync();
        await Reports.ReportAsync(NewReader(), slug, id, "off-topic");
        var admin = await factory.SignedInAsync(StaffSessions.AdminEmail);
        var (_, queue) = await Html.GetAsync(admin, "/admin/comments?status=reported");

        var response = await PressAsync(admin, DecisionForm(queue, id), "h", new() { ["ground"] = "" });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var (_, page) = await Html.GetAsync(admin, response.Headers.Location!.OriginalString);
        Assert.Contains("Choose a ground from the list", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(CommentStatus.Approved, (await CommentAsync(id)).Status);
        Assert.NotNull(page.QuerySelector($"#queue-{id}"));
    }

    [Fact]
    public async Task TwoModeratorsDecidingAtOnce_OneDecisionWins_AndTheOtherIsTold()
    {
        var (slug, id) = await factory.PublishedCommentAsync("Contested comment.", email: "contested.author@example.com");
        await Reports.ReportAsync(NewReader(), slug, id, "abuse");
        await factory.CreateStaffAsync("mod.one@test.example", "Moderator");
        await factory.CreateStaffAsync("mod.two@test.example", "Moderator");
        var one = await factory.SignedInAsync("mod.one@test.example");
        var two = await factory.SignedInAsync("mod.two@test.example");
        var (_, queueOne) = await Html.GetAsync(one, "/admin/comments?status=reported");
        var (_, queueTwo) = await Html.GetAsync(two, "/admin/comments?status=reported");

        var responses = await Task.WhenAll(
            PressAsync(one, DecisionForm(queueOne, id), "h"),
            PressAsync(two, DecisionForm(queueTwo, id), "d"));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        var pages = await Task.WhenAll(
            Html.GetAsync(one, responses[0].Headers.Location!.OriginalString),
            Html.GetAsync(two, responses[1].Headers.Location!.OriginalString));
        var told = pages.Count(p => p.Document.Body!.TextContent.Contains(AdminCommentsController.ReportsAlreadyDecidedMessage, StringComparison.Ordinal));
        Assert.Equal(1, told);
        var decisions = await factory.WithDbAsync(db => db.CommentHistory.AsNoTracking().Where(h => h.CommentId == id && h.ChangedBy != "Readers' reports").ToListAsync());
        var decision = Assert.Single(decisions);
        var comment = await CommentAsync(id);
        Assert.Equal(decision.ToStatus, comment.Status);
        Assert.Equal(comment.Status == CommentStatus.Rejected ? 1 : 0, (await MailToAsync("contested.author@example.com")).Count);
    }

    [Fact]
    public async Task BlockAndAlwaysHold_PutTheAuthorsAddressOnTheCommentRules()
    {
        var (slug, id) = await factory.PublishedCommentAsync(email: "listed.author@example.com");
        await Reports.ReportAsync(NewReader(), slug, id, "spam");
        var admin = await factory.SignedInAsync(StaffSessions.AdminEmail);
        var (_, queue) = await Html.GetAsync(admin, "/admin/comments?status=reported");

        var hold = await Html.SubmitAsync(admin, queue.QuerySelector<IHtmlFormElement>($"#queue-{id} form[action='/admin/comments/{id}/email/hold']")!);
        var ban = await Html.SubmitAsync(admin, queue.QuerySelector<IHtmlFormElement>($"#queue-{id} form[action='/admin/comments/{id}/email/ban']")!);

        Assert.Equal(HttpStatusCode.SeeOther, hold.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, ban.StatusCode);
        var settings = await factory.WithDbAsync(db => db.CommentSettings.AsNoTracking().SingleAsync());
        Assert.Contains("listed.author@example.com", settings.HeldEmails.Split('\n'));
        Assert.Contains("listed.author@example.com", settings.BlockedEmails.Split('\n'));
        var (_, settingsPage) = await Html.GetAsync(admin, "/admin/settings");
        Assert.Contains("listed.author@example.com", settingsPage.QuerySelector<IHtmlTextAreaElement>("#HeldEmails")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransparencySummary_CountsReceivedAndDecidedThisMonth_ForAdminsOnly()
    {
        var admin = await factory.SignedInAsync(StaffSessions.AdminEmail);
        var before = await ThisMonthAsync(admin);
        var (slug, id) = await factory.PublishedCommentAsync();
        await Reports.ReportAsync(NewReader(), slug, id, "spam");
        var (_, queue) = await Html.GetAsync(admin, "/admin/comments?status=reported");
        await PressAsync(admin, DecisionForm(queue, id), "d");

        var after = await ThisMonthAsync(admin);

        Assert.Equal(before.Received + 1, after.Received);
        Assert.Equal(before.Decided + 1, after.Decided);
        Assert.NotEqual("–", after.Median);
        await factory.CreateStaffAsync("transparency.mod@test.example", "Moderator");
        var moderator = await factory.SignedInAsync("transparency.mod@test.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync(new Uri("/admin/comments/reports/summary", UriKind.Relative))).StatusCode);
    }

    private static async Task<(int Received, int Decided, string Median)> ThisMonthAsync(HttpClient admin)
    {
        var (response, page) = await Html.GetAsync(admin, "/admin/comments/reports/summary");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cells = page.QuerySelector(".data-table tbody tr")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        return (int.Parse(cells[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture), cells[5]);
    }
}
