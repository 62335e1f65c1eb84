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

    /// <summary>Each cell (row heading, series) of the chart's table holds the number given (null: empty); names every one that does not.</summary>
    private static void AssertCells(IDocument page, string chart, params (string Row, string Series, double? Expected)[] cells)
    {
        var wrong = cells.Select(c => (Cell: c, Actual: Cell(page, chart, c.Row, c.Series)))
            .Where(x => x.Actual != x.Cell.Expected)
            .Select(x => $"{x.Cell.Row} {x.Cell.Series}: expected {x.Cell.Expected?.ToString(CultureInfo.InvariantCulture) ?? "empty"}, found {x.Actual?.ToString(CultureInfo.InvariantCulture) ?? "empty"}")
            .ToList();
        Assert.True(wrong.Count == 0, $"{chart}: {string.Join("; ", wrong)}");
    }

    [Fact]
    public async Task Dashboard_AfterRebuild_CommentsPerDayMatchTheSeededComments()
    {
        var page = await DashboardAsync();

        AssertCells(page, "chart-comments", (Label(3), "published", 4), (Label(3), "held", 2), (Label(3), "spam", 1), (Label(2), "published", 0),
            (Label(2), "held", 3), (Label(1), "held", 0));
        Assert.Contains("10 comments in 30 days: 4 published at once, 5 held for a moderator, 1 caught as spam", page.QuerySelector("#chart-comments .chart-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(30, page.QuerySelectorAll("#chart-comments tbody tr").Length);
    }

    [Fact]
    public async Task Dashboard_AfterRebuild_QueueAtEachDaysEndIsWorkedBackFromTheHistory()
    {
        var page = await DashboardAsync();

        AssertCells(page, "chart-queue", (Label(3), "held", 2), (Label(2), "held", 5), (Label(1), "held", 1), (Label(0), "held", 1));
        AssertCells(page, "chart-oldest", (Label(3), "oldest", (_data.EndOf(3) - _data.OldestHeldSince).TotalSeconds),
            (Label(1), "oldest", (_data.EndOf(1) - _data.OldestHeldSince).TotalSeconds));
    }

    [Fact]
    public async Task Dashboard_AfterRebuild_TimeToDecisionIsTheMedianAndNinetiethPercentileOfTheDaysWaits()
    {
        var page = await DashboardAsync();

        AssertCells(page, "chart-decision-time", (Label(1), "median", DashboardDataSet.Percentile(_data.DecisionWaitsYesterday, 0.5)),
            (Label(1), "p90", DashboardDataSet.Percentile(_data.DecisionWaitsYesterday, 0.9)), (Label(2), "median", null));
    }

    [Fact]
    public async Task Dashboard_AfterRebuild_ReportsPerDayAndOutcomes()
    {
        var page = await DashboardAsync();

        AssertCells(page, "chart-reports", (Label(2), "received", 3), (Label(1), "dismissed", 2), (Label(1), "removed", 1), (Label(1), "hidden", 0));
    }

    [Fact]
    public async Task Dashboard_AfterRebuild_MostCommentedStoriesRankedWithoutSpam()
    {
        var page = await DashboardAsync();

        var rows = page.QuerySelectorAll("#chart-top-stories tbody tr").Select(r => r.QuerySelector("th")!.TextContent.Trim()).ToList();
        Assert.Equal([_data.StoryA, _data.StoryB], rows);
        AssertCells(page, "chart-top-stories", (_data.StoryA, "published", 4), (_data.StoryA, "held", 2), (_data.StoryB, "held", 3));
    }

    [Fact]
    public async Task Dashboard_ForAnAdmin_ShowsDecisionsPerModerator()
    {
        var page = await DashboardAsync();

        AssertCells(page, "chart-moderators", (DashboardDataSet.FirstModerator, "published", 3), (DashboardDataSet.SecondModerator, "rejected", 1),
            (DashboardDataSet.SecondModerator, "trash", 1));
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
