namespace NewsPortal.IntegrationTests.Data;

/// <summary>The newsroom's review queue and readers' reports with their decisions, translated by the SQL Server provider and parsed as T-SQL.</summary>
public sealed class ReviewAndReportSqlServerQueryTests(SqlServerQueryTestBase.SqlServerFactory factory) : SqlServerQueryTestBase(factory), IClassFixture<SqlServerQueryTestBase.SqlServerFactory>
{
    /// <summary>Newsroom review, corrections and preview links: the queue, tabs, a reporter's stories, a story's panel, the article page's notes.</summary>
    [Fact]
    public async Task NewsroomReviewQueries_AreValidTSql()
    {
        _factory.Capture.Commands.Clear();
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var review = services.GetRequiredService<ArticleReview>();
            var actor = new ArticleActor("user-1", "Ana", IsReporterOnly: true);
            await review.QueueAsync(CancellationToken.None);
            await review.TabsAsync(CancellationToken.None);
            await review.MineAsync("user-1", 2, CancellationToken.None);
            await review.MineCountsAsync("user-1", CancellationToken.None);
            await services.GetRequiredService<ArticleAccess>().FindAsync(1, CancellationToken.None);
            await services.GetRequiredService<ArticleNewsroomPanels>().BuildAsync(1, actor, CancellationToken.None);
            await services.GetRequiredService<ArticlePreviewLinks>().ActiveAsync(1, CancellationToken.None);
            var token = await services.GetRequiredService<NewsPortal.Web.Infrastructure.Mail.LinkSigner>().SignAsync(ArticlePreviewLinks.Purpose, "1", TimeSpan.FromDays(1));
            // With no server behind it the link row reads back with default values; only the queries matter here.
            await services.GetRequiredService<ArticlePreviewLinks>().OpenAsync(token, CancellationToken.None);
            await services.GetRequiredService<NewsDbContext>().Articles.Where(a => a.Id == 1).Select(NewsPortal.Web.Features.Articles.ArticleQueryExtensions.ToViewModel).ToListAsync();
        }

        var commands = _factory.Capture.Commands.Distinct().ToList();
        Assert.Contains(commands, c => c.Contains("[SubmittedAt] IS NOT NULL", StringComparison.Ordinal) && c.Contains("ORDER BY [a].[SubmittedAt]", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("[ArticlePreviewLinks]", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("[ArticleEvents]", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("[ArticleNotes]", StringComparison.Ordinal));
        TSql.AssertValid(commands);
    }

    /// <summary>Readers' reports: the report page and post, the reported queue, a decision and the transparency summary.</summary>
    [Fact]
    public async Task ReportQueriesAndDecisions_AreValidTSql()
    {
        _factory.Services.GetRequiredService<CommentCounts>().Forget();
        _factory.Capture.Commands.Clear();
        var client = _factory.CreateClient();
        await client.GetAsync(new Uri("/news/x/comments/1/report", UriKind.Relative));
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var reports = scope.ServiceProvider.GetRequiredService<NewsPortal.Web.Features.Comments.CommentReportService>();
            var stamp = await reports.IssueStampAsync(1);
            await SavedOrAnsweredWithoutRowsAsync(() =>
                reports.ReportAsync("x", 1, new() { Reason = "illegal", Explanation = "Why", Stamp = stamp }, new string('a', 32), "192.0.2.1", CancellationToken.None));
        }

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var moderation = scope.ServiceProvider.GetRequiredService<ReportModerationService>();
            await moderation.CountAsync(CancellationToken.None);
            await moderation.QueueAsync(3, 20, CancellationToken.None);
            await moderation.TransparencyAsync(12, CancellationToken.None);
            await SavedOrAnsweredWithoutRowsAsync(() => moderation.DecideAsync(1, ReportDecision.Removed, new ReportDecisionForm { Version = 1, Ground = DecisionGrounds.All[0], Statement = "Because." }, "mod@example.com", CancellationToken.None));
        }

        var commands = _factory.Capture.Commands.Distinct().ToList();
        Assert.Contains(commands, c => c.Contains("[ReportPriority]", StringComparison.Ordinal) && c.Contains("OFFSET", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("[CommentReports]", StringComparison.Ordinal) && c.Contains("GROUP BY", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("[CommentReports]", StringComparison.Ordinal) && c.Contains("[ReaderKey]", StringComparison.Ordinal));
        TSql.AssertValid(commands);
    }
}
