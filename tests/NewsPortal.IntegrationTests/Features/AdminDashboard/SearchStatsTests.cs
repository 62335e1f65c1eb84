namespace NewsPortal.IntegrationTests.Features.AdminDashboard;

public sealed class SearchStatsTests(SearchStatsTests.Factory factory) : IClassFixture<SearchStatsTests.Factory>
{
    public sealed class Factory() : NewsPortalFactory([.. StaffSessions.Admin, ("Search:RequestsPerMinutePerIp", "1000")]);

    private static async Task SearchAsync(HttpClient reader, string query, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var response = await reader.GetAsync(new Uri($"/search?q={Uri.EscapeDataString(query)}", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private Task FlushAsync() => factory.Services.GetRequiredService<SearchStatsJob>().FlushAsync(TestContext.Current.CancellationToken);

    [Fact]
    public async Task SearchStats_ForAnEditor_ShowTopAndNoResultTermsCountedAboveTheThreshold()
    {
        await factory.WithDbAsync(db => new ArticleBuilder().Headline("Lighthouse keepers return to Skerry Rock").SaveAsync(db));
        var reader = factory.CreateNoRedirectClient();
        await SearchAsync(reader, "Lighthouse", 3);
        await SearchAsync(reader, "lighthouse  ", 1);
        await SearchAsync(reader, "qzxwvnothing", 3);
        await SearchAsync(reader, "rarelysought", 2);
        await FlushAsync();
        const string email = "stats-editor@test.example";
        await factory.CreateStaffAsync(email, Roles.Editor);
        var editor = await factory.SignedInAsync(email);

        var (response, page) = await Html.GetAsync(editor, "/admin/search-stats");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var week = page.QuerySelector("#searches-7")!.ParentElement!;
        var top = week.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelector("td")!.TextContent);
        var none = week.QuerySelectorAll("table")[1].QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelector("td")!.TextContent);
        Assert.Equal("4", top["lighthouse"]);
        Assert.Equal("3", top["qzxwvnothing"]);
        Assert.False(top.ContainsKey("rarelysought"), "A term searched twice is below the threshold and must not be shown.");
        Assert.Equal("3", none["qzxwvnothing"]);
        Assert.False(none.ContainsKey("lighthouse"));
    }

    [Fact]
    public async Task SearchStats_RowsHoldOnlyDayTermAndCounts_AndDaysPastStatsDaysArePruned()
    {
        var old = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-120);
        await factory.WithDbAsync(async db =>
        {
            db.DailySearchTerms.Add(new DailySearchTerm { Day = old, Term = "long ago", Searches = 9, ZeroResults = 0 });
            await db.SaveChangesAsync();
        });

        await FlushAsync();

        Assert.False(await factory.WithDbAsync(db => db.DailySearchTerms.AnyAsync(t => t.Day == old)));
        var columns = await factory.WithDbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(DailySearchTerm))!.GetProperties().Select(p => p.Name).Order().ToList()));
        Assert.Equal(["Day", "Searches", "Term", "ZeroResults"], columns);
    }

    [Fact]
    public async Task SearchStats_ForAModerator_IsForbidden()
    {
        const string email = "stats-moderator@test.example";
        await factory.CreateStaffAsync(email, Roles.Moderator);
        var moderator = await factory.SignedInAsync(email);

        using var response = await moderator.GetAsync(new Uri("/admin/search-stats", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
