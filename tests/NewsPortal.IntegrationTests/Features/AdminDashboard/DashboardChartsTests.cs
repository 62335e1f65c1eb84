namespace NewsPortal.IntegrationTests.Features.AdminDashboard;

public sealed class DashboardChartsTests(DashboardChartsTests.Factory factory) : IClassFixture<DashboardChartsTests.Factory>, IAsyncLifetime
{
    private readonly DashboardDataSet _data = factory.Data;

    public sealed class Factory : NewsPortalFactory
    {
        public Factory()
        {
            this.WithAdmin();

            // The rows come from the rebuild button here; the periodic job has a test of its own.
            Settings["Dashboard:StatsEnabled"] = "false";
            Settings["Seed:SampleContent"] = "false";
        }

        public DashboardDataSet Data { get; } = new();

        public bool Seeded { get; set; }
    }

    /// <summary>Once per class: the data set, then the Admin's rebuild button, as an Admin would press it.</summary>
    public async ValueTask InitializeAsync()
    {
        if (factory.Seeded)
        {
            return;
        }

        factory.Seeded = true;
        await _data.SeedAsync(factory);
        var admin = await factory.SignedInAsync(StaffSessions.AdminEmail);
        var (_, dashboard) = await Html.GetAsync(admin, "/admin");
        var rebuild = dashboard.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form[action='/admin/stats/rebuild']")
            ?? throw new InvalidOperationException("No rebuild button on the Admin's dashboard.");
        var response = await Html.SubmitAsync(admin, rebuild);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"The rebuild answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\nForm: {rebuild.OuterHtml}\nNote: {dashboard.QuerySelector(".dashboard-charts .stat-note")?.OuterHtml}");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<IDocument> DashboardAsync(string email = StaffSessions.AdminEmail)
    {
        var client = await factory.SignedInAsync(email);
        var (response, page) = await Html.GetAsync(client, "/admin");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page;
    }

    private string Label(int daysAgo) => _data.Day(daysAgo).ToString("d MMM", CultureInfo.InvariantCulture);

    /// <summary>The table cell's exact number for a row (by its heading) and a series.</summary>
    private static double? Cell(IDocument page, string chart, string row, string series)
    {
        var tr = page.QuerySelectorAll($"#{chart} tbody tr").FirstOrDefault(r => r.QuerySelector("th")!.TextContent.Trim() == row)
            ?? throw new InvalidOperationException($"No row '{row}' in {chart}: {string.Join(", ", page.QuerySelectorAll($"#{chart} tbody th").Select(t => t.TextContent.Trim()))}");
        var value = tr.QuerySelector($"td[data-series='{series}']")!.GetAttribute("data-value");
        return string.IsNullOrEmpty(value) ? null : double.Parse(value, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Dashboard_AfterRebuild_CommentsPerDayMatchTheSeededComments()
    {
        var page = await DashboardAsync();

        Assert.Equal(4, Cell(page, "chart-comments", Label(3), "published"));
        Assert.Equal(2, Cell(page, "chart-comments", Label(3), "held"));
        Assert.Equal(1, Cell(page, "chart-comments", Label(3), "spam"));
        Assert.Equal(0, Cell(page, "chart-comments", Label(2), "published"));
        Assert.Equal(3, Cell(page, "chart-comments", Label(2), "held"));
        Assert.Equal(0, Cell(page, "chart-comments", Label(1), "held"));
        Assert.Contains("10 comments in 30 days: 4 published at once, 5 held for a moderator, 1 caught as spam", page.QuerySelector("#chart-comments .chart-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(30, page.QuerySelectorAll("#chart-comments tbody tr").Length);
    }

    [Fact]
    public async Task Dashboard_AfterRebuild_QueueAtEachDaysEndIsWorkedBackFromTheHistory()
    {
        var page = await DashboardAsync();

        Assert.Equal(2, Cell(page, "chart-queue", Label(3), "held"));
        Assert.Equal(5, Cell(page, "chart-queue", Label(2), "held"));
        Assert.Equal(1, Cell(page, "chart-queue", Label(1), "held"));
        Assert.Equal(1, Cell(page, "chart-queue", Label(0), "held"));
        Assert.Equal((_data.EndOf(3) - _data.OldestHeldSince).TotalSeconds, Cell(page, "chart-oldest", Label(3), "oldest"));
        Assert.Equal((_data.EndOf(1) - _data.OldestHeldSince).TotalSeconds, Cell(page, "chart-oldest", Label(1), "oldest"));
    }

    [Fact]
    public async Task Dashboard_AfterRebuild_TimeToDecisionIsTheMedianAndNinetiethPercentileOfTheDaysWaits()
    {
        var page = await DashboardAsync();

        Assert.Equal(DashboardDataSet.Percentile(_data.DecisionWaitsYesterday, 0.5), Cell(page, "chart-decision-time", Label(1), "median"));
        Assert.Equal(DashboardDataSet.Percentile(_data.DecisionWaitsYesterday, 0.9), Cell(page, "chart-decision-time", Label(1), "p90"));
        Assert.Null(Cell(page, "chart-decision-time", Label(2), "median"));
    }

    [Fact]
    public async Task Dashboard_AfterRebuild_ReportsPerDayAndOutcomes()
    {
        var page = await DashboardAsync();

        Assert.Equal(3, Cell(page, "chart-reports", Label(2), "received"));
        Assert.Equal(2, Cell(page, "chart-reports", Label(1), "dismissed"));
        Assert.Equal(1, Cell(page, "chart-reports", Label(1), "removed"));
        Assert.Equal(0, Cell(page, "chart-reports", Label(1), "hidden"));
    }

    [Fact]
    public async Task Dashboard_AfterRebuild_MostCommentedStoriesRankedWithoutSpam()
    {
        var page = await DashboardAsync();

        var rows = page.QuerySelectorAll("#chart-top-stories tbody tr").Select(r => r.QuerySelector("th")!.TextContent.Trim()).ToList();
        Assert.Equal([_data.StoryA, _data.StoryB], rows);
        Assert.Equal(4, Cell(page, "chart-top-stories", _data.StoryA, "published"));
        Assert.Equal(2, Cell(page, "chart-top-stories", _data.StoryA, "held"));
        Assert.Equal(3, Cell(page, "chart-top-stories", _data.StoryB, "held"));
    }

    [Fact]
    public async Task Dashboard_ForAnAdmin_ShowsDecisionsPerModerator()
    {
        var page = await DashboardAsync();

        Assert.Equal(3, Cell(page, "chart-moderators", DashboardDataSet.FirstModerator, "published"));
        Assert.Equal(1, Cell(page, "chart-moderators", DashboardDataSet.SecondModerator, "rejected"));
        Assert.Equal(1, Cell(page, "chart-moderators", DashboardDataSet.SecondModerator, "trash"));
    }

    [Fact]
    public async Task Dashboard_ForAModerator_HasTheChartsButNotDecisionsPerModeratorNorTheRebuildButton()
    {
        const string email = "charts-moderator@test.example";
        await factory.CreateStaffAsync(email, Roles.Moderator);

        var page = await DashboardAsync(email);

        Assert.NotNull(page.QuerySelector("#chart-comments svg[role='img']"));
        Assert.Null(page.QuerySelector("#chart-moderators"));
        Assert.Null(page.QuerySelector("form[action='/admin/stats/rebuild']"));
    }

    [Fact]
    public async Task Charts_EachHaveATitleSummaryLabelledSvgAndADataTable()
    {
        var page = await DashboardAsync();

        var figures = page.QuerySelectorAll("figure.chart");
        Assert.Equal(7, figures.Length);
        foreach (var figure in figures)
        {
            var svg = figure.QuerySelector("svg")!;
            Assert.Equal("img", svg.GetAttribute("role"));
            var labelledBy = svg.GetAttribute("aria-labelledby")!.Split(' ');
            Assert.All(labelledBy, id => Assert.NotNull(figure.QuerySelector($"#{id}")));
            Assert.NotNull(figure.QuerySelector("figcaption .chart-title"));
            Assert.NotNull(figure.QuerySelector("details table caption"));
            Assert.Empty(figure.QuerySelectorAll("[style]"));
        }
    }

    [Fact]
    public async Task Rebuild_ByAModerator_IsForbiddenAndChangesNothing()
    {
        const string email = "rebuild-moderator@test.example";
        await factory.CreateStaffAsync(email, Roles.Moderator);
        var client = await factory.SignedInAsync(email);
        var (_, page) = await Html.GetAsync(client, "/admin/comments?status=pending");
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        using var response = await client.PostAsync(
            new Uri("/admin/stats/rebuild", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Rebuild_RunTwice_GivesTheSameRows()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var builder = scope.ServiceProvider.GetRequiredService<NewsPortal.Web.Features.AdminDashboard.DailyStatsBuilder>();
        var before = await factory.WithDbAsync(db => Task.FromResult(Snapshot(db)));

        await builder.RebuildAsync(TestContext.Current.CancellationToken);
        await builder.RebuildAsync(TestContext.Current.CancellationToken);

        var after = await factory.WithDbAsync(db => Task.FromResult(Snapshot(db)));
        Assert.Equal(before.Comments, after.Comments);
        Assert.Equal(before.Moderation, after.Moderation);
        Assert.Equal(before.Reports, after.Reports);
    }

    private static (string Comments, string Moderation, string Reports) Snapshot(NewsPortal.Web.Data.NewsDbContext db) => (
        string.Join(";", db.DailyCommentStats.OrderBy(s => s.Day).ThenBy(s => s.ArticleId).Select(s => $"{s.Day}/{s.ArticleId}/{s.Published}/{s.Held}/{s.Spam}")),
        string.Join(";", db.DailyModerationStats.OrderBy(s => s.Day).ThenBy(s => s.Moderator).Select(s => $"{s.Day}/{s.Moderator}/{s.Approved}/{s.Rejected}/{s.Spam}/{s.Trashed}/{s.Requeued}")),
        string.Join(";", db.DailyReportStats.OrderBy(s => s.Day).Select(s => $"{s.Day}/{s.Received}/{s.Dismissed}/{s.Hidden}/{s.Removed}")));
}
