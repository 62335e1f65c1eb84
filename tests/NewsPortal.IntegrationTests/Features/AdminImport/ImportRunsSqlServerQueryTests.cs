namespace NewsPortal.IntegrationTests.Features.AdminImport;

/// <summary>The import runs' reads and writes (the lease included), translated by the SQL Server provider (no server) and parsed as T-SQL.</summary>
public sealed class ImportRunsSqlServerQueryTests(SqlServerQueryTests.SqlServerFactory factory) : IClassFixture<SqlServerQueryTests.SqlServerFactory>
{
    [Fact]
    public async Task ImportRunQueries_AreValidTSql()
    {
        factory.Capture.Commands.Clear();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var runs = scope.ServiceProvider.GetRequiredService<ImportRuns>();
            await runs.ActiveAsync(CancellationToken.None);
            await runs.RecentAsync(ImportPage.PastShown + 1, CancellationToken.None);
            await runs.LatestAsync(CancellationToken.None);
            await runs.ClaimAsync(_ => true, CancellationToken.None);
            await runs.ReportAsync(1, "Posts and comments", 10, 100, DateTime.UtcNow, CancellationToken.None);
            await runs.FinishAsync(1, new ImportProgress("Posts and comments", 100, 100), ImportRunStatus.Succeeded, "Import finished.", null, CancellationToken.None);
            await runs.RequestCancelAsync(1, "admin@test.example", CancellationToken.None);
            await runs.FinishAsync(1, null, ImportRunStatus.Failed, null, "Nothing was imported", CancellationToken.None);
            try
            {
                await runs.TryStartAsync(
                    new WordPressImportRun { ExportFileName = "export.xml", WorkFolder = "/tmp/x", Holder = string.Empty, StartedBy = "admin@test.example", Phase = "Waiting to start" },
                    CancellationToken.None);
            }
            catch (InvalidOperationException)
            {
                // The stand-in server answers the insert as if another upload held the slot; its statements were captured first.
            }
        }

        var commands = factory.Capture.Commands.Distinct().ToList();
        Assert.Contains(commands, c => c.Contains("INSERT INTO [WordPressImportRuns]", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("UPDATE [w]", StringComparison.Ordinal) && c.Contains("[LeaseUntil]", StringComparison.Ordinal));
        TSql.AssertValid(commands);
    }
}
