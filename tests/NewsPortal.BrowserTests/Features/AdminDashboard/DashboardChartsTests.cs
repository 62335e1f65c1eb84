namespace NewsPortal.BrowserTests.Features.AdminDashboard;

public sealed class DashboardChartsTests(SiteFixture site)
{
    /// <summary>
    /// With JavaScript off the Admin sees every chart drawn, and the comments chart's numbers for each past day are
    /// those of the site's comments, counted here straight from the database (today is left out: other tests post now).
    /// </summary>
    [Fact]
    public async Task Dashboard_WithJavaScriptOff_DrawsTheChartsAndTheirNumbersMatchTheDatabase()
    {
        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DailyStatsBuilder>().RebuildAsync(TestContext.Current.CancellationToken);
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone));
        var first = today.AddDays(-(DashboardCharts.Days - 1));
        var from = TimeZoneInfo.ConvertTimeToUtc(first.ToDateTime(TimeOnly.MinValue), zone);
        var to = TimeZoneInfo.ConvertTimeToUtc(today.ToDateTime(TimeOnly.MinValue), zone);
        Dictionary<string, (int Published, int Held, int Spam)> expected;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var comments = await db.Comments.AsNoTracking().Where(c => c.CreatedAt >= from && c.CreatedAt < to && !c.IsStaffReply)
                .Select(c => new { c.Id, c.CreatedAt, c.Status }).ToListAsync(TestContext.Current.CancellationToken);
            var ids = comments.Select(c => c.Id).ToList();
            var firstChange = (await db.CommentHistory.AsNoTracking().Where(h => ids.Contains(h.CommentId))
                    .Select(h => new { h.CommentId, h.ChangedAt, h.Id, h.FromStatus }).ToListAsync(TestContext.Current.CancellationToken))
                .GroupBy(h => h.CommentId)
                .ToDictionary(g => g.Key, g => g.OrderBy(h => h.ChangedAt).ThenBy(h => h.Id).First().FromStatus);
            expected = comments
                .Select(c => (Day: DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(c.CreatedAt, zone)), Status: firstChange.TryGetValue(c.Id, out var s) ? s : c.Status))
                .GroupBy(c => c.Day.ToString("d MMM", CultureInfo.InvariantCulture))
                .ToDictionary(g => g.Key, g => (
                    g.Count(c => c.Status == CommentStatus.Approved), g.Count(c => c.Status == CommentStatus.Pending), g.Count(c => c.Status == CommentStatus.Spam)));
        }

        await using var context = await site.NewContextAsync(javaScript: false);
        var page = await SiteFixture.SignedInPageAsync(context, SiteFixture.EditorEmail);
        await page.GotoAsync("/admin");

        // Seven charts for an Admin; the five daily ones are always drawn (the two ranked lists only when they have rows).
        Assert.Equal(7, await page.Locator("figure.chart").CountAsync());
        Assert.True(await page.Locator("figure.chart svg[role='img']").CountAsync() >= 5, "A daily chart was not drawn.");
        Assert.True(await page.Locator("#chart-comments svg rect").CountAsync() > 0, "The comments chart drew no bars.");
        var rows = await page.Locator("#chart-comments tbody tr").AllAsync();
        Assert.Equal(DashboardCharts.Days, rows.Count);
        var checkedDays = 0;
        foreach (var row in rows.Take(DashboardCharts.Days - 1))
        {
            var day = (await row.Locator("th").TextContentAsync() ?? string.Empty).Trim();
            var (published, held, spam) = expected.GetValueOrDefault(day);
            var shown = (
                int.Parse(await row.Locator("td[data-series='published']").GetAttributeAsync("data-value") ?? "-1", CultureInfo.InvariantCulture),
                int.Parse(await row.Locator("td[data-series='held']").GetAttributeAsync("data-value") ?? "-1", CultureInfo.InvariantCulture),
                int.Parse(await row.Locator("td[data-series='spam']").GetAttributeAsync("data-value") ?? "-1", CultureInfo.InvariantCulture));
            Assert.True((published, held, spam) == shown, $"{day}: the database has {published}/{held}/{spam} (published/held/spam), the chart's table {shown}.");
            checkedDays++;
        }

        Assert.Equal(DashboardCharts.Days - 1, checkedDays);
        await page.SetViewportSizeAsync(375, 800);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.OutputFolder, "dashboard-375.png"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 900);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.OutputFolder, "dashboard-1280.png"), FullPage = true });
    }
}
