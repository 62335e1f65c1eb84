namespace NewsPortal.IntegrationTests.Features.AdminDashboard;

/// <summary>
/// The charts are kept between views (DashboardChartsCache) and follow every pass over the daily rows, for each kind of
/// viewer on its own.
/// </summary>
/// <remarks>
/// On <see cref="DashboardChartsTests.Factory"/> (its own instance, so none of that class's data set): the periodic
/// job is off there, so the passes here are the test's own and it knows when the rows change.
/// </remarks>
public sealed class DashboardChartsCacheTests(DashboardChartsTests.Factory factory) : IClassFixture<DashboardChartsTests.Factory>
{
    private const string ModeratorEmail = "kept-charts-moderator@test.example";

    [Fact]
    public async Task AWaitingComment_ShowsOnTheNextPass_ForAnAdminAndForAModerator()
    {
        var article = await factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db));
        await factory.CreateStaffAsync(ModeratorEmail, Roles.Moderator);
        var admin = await factory.SignedInAsync(StaffSessions.AdminEmail);
        var moderator = await factory.SignedInAsync(ModeratorEmail);
        await PassAsync();
        var waiting = await WaitingTodayAsync(admin);
        Assert.Equal(waiting, await WaitingTodayAsync(moderator));

        await factory.WithDbAsync(db => StoredComments.AddAsync(
            db, article.Id, "Wanda Waiting", "wanda@example.com", "<p>Still waiting.</p>", CommentStatus.Pending, DateTime.UtcNow));

        // Between passes the charts show the rows as they are, whichever viewer asks and however often.
        Assert.Equal(waiting, await WaitingTodayAsync(admin));
        Assert.Equal(waiting, await WaitingTodayAsync(moderator));

        await PassAsync();

        Assert.Equal(waiting + 1, await WaitingTodayAsync(admin));
        Assert.Equal(waiting + 1, await WaitingTodayAsync(moderator));
        var (_, adminPage) = await Html.GetAsync(admin, "/admin");
        var (_, moderatorPage) = await Html.GetAsync(moderator, "/admin");
        Assert.NotNull(adminPage.QuerySelector("#chart-moderators"));
        Assert.Null(moderatorPage.QuerySelector("#chart-moderators"));
    }

    private async Task PassAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var days = scope.ServiceProvider.GetRequiredService<SiteDays>();
        await scope.ServiceProvider.GetRequiredService<DailyStatsBuilder>().RecomputeAsync(days.Today.AddDays(-1), days.Today, TestContext.Current.CancellationToken);
    }

    /// <summary>Today's "Waiting" figure in the queue chart's data table.</summary>
    private async Task<int> WaitingTodayAsync(HttpClient client)
    {
        var (response, page) = await Html.GetAsync(client, "/admin");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var today = scope.ServiceProvider.GetRequiredService<SiteDays>().Today.ToString("d MMM", CultureInfo.InvariantCulture);
        var row = page.QuerySelectorAll("#chart-queue tbody tr").FirstOrDefault(r => r.QuerySelector("th")!.TextContent.Trim() == today)
            ?? throw new InvalidOperationException($"No row for {today} in the queue chart.");
        return int.Parse(row.QuerySelector("td[data-series='held']")!.GetAttribute("data-value")!, CultureInfo.InvariantCulture);
    }
}
