namespace NewsPortal.IntegrationTests.Features.AdminDashboard;

/// <summary>The charts follow what happens without anyone pressing rebuild: the periodic job keeps today's rows.</summary>
public sealed class DailyStatsJobTests(DailyStatsJobTests.Factory factory) : IClassFixture<DailyStatsJobTests.Factory>
{
    public sealed class Factory() : NewsPortalFactory(
        [.. StaffSessions.Admin, ("Seed:SampleContent", "false"), ("Dashboard:StatsInterval", "00:00:05")]);

    [Fact]
    public async Task ReaderComment_HeldByPreModeration_AppearsInTodaysHeldCountWithoutARebuild()
    {
        var slug = (await factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var reader = factory.CreateNoRedirectClient();
        await ReaderComments.PostAsync(reader, slug, "Rita Reader", "rita@example.com", "Counted by the job.");
        var admin = await factory.SignedInAsync(StaffSessions.AdminEmail);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")))
            .ToString("d MMM", CultureInfo.InvariantCulture);

        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        string seen;
        do
        {
            var (_, page) = await Html.GetAsync(admin, "/admin");
            var row = page.QuerySelectorAll("#chart-comments tbody tr").FirstOrDefault(r => r.QuerySelector("th")!.TextContent.Trim() == today);
            seen = row?.TextContent.Trim() ?? "(no row for today)";
            var queue = page.QuerySelectorAll("#chart-queue tbody tr").FirstOrDefault(r => r.QuerySelector("th")!.TextContent.Trim() == today);
            if (row?.QuerySelector("td[data-series='held']")?.GetAttribute("data-value") == "1"
                && queue?.QuerySelector("td[data-series='held']")?.GetAttribute("data-value") == "1")
            {
                return;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
        while (DateTime.UtcNow < until);

        Assert.Fail($"Within 30 s today's row never showed the held comment and a queue of 1; it read: {seen}");
    }
}
