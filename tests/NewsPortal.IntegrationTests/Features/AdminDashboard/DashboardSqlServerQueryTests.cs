namespace NewsPortal.IntegrationTests.Features.AdminDashboard;

/// <summary>The dashboard's, the daily rows' and the search statistics' queries, translated by the SQL Server provider and parsed as T-SQL.</summary>
public sealed class DashboardSqlServerQueryTests
{
    [Fact]
    public async Task DashboardQueries_OnSqlServer_TranslateToValidTSql()
    {
        using var factory = new SqlServerQueryTests.SqlServerFactory();
        factory.Settings["Dashboard:StatsEnabled"] = "false";
        var cancel = TestContext.Current.CancellationToken;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var days = services.GetRequiredService<SiteDays>();
            await services.GetRequiredService<DailyStatsBuilder>().RecomputeAsync(days.Today.AddDays(-1), days.Today, cancel);
            await services.GetRequiredService<DashboardCharts>().LoadAsync(withModerators: true, cancel);
            await services.GetRequiredService<SearchStatsService>().LoadAsync(cancel);
            await services.GetRequiredService<JobLeases>().TryClaimAsync("sql-server-proof", TimeSpan.FromMinutes(1), cancel);
        }

        factory.Services.GetRequiredService<SearchStatsRecorder>().Record(SearchQuery.Parse("harbour wall"), found: false);
        await factory.Services.GetRequiredService<SearchStatsJob>().FlushAsync(cancel);

        var tables = new[] { "[DailyCommentStats]", "[DailyModerationStats]", "[DailyQueueStats]", "[DailyReportStats]", "[DailySearchTerms]", "[JobLeases]", "[CommentHistory]" };
        var commands = factory.Capture.Commands.Where(c => tables.Any(t => c.Contains(t, StringComparison.Ordinal))).Distinct().ToList();
        foreach (var table in tables)
        {
            Assert.True(commands.Any(c => c.Contains(table, StringComparison.Ordinal)), $"No command read or wrote {table}; captured:\n{string.Join("\n---\n", commands)}");
        }

        TSql.AssertValid(commands);
    }
}
