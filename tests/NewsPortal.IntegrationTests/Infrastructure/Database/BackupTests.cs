namespace NewsPortal.IntegrationTests.Infrastructure.Database;

/// <summary>docs/operations.md's SQLite backup: an online copy taken while the site writes, and a site started on it.</summary>
public sealed class BackupTests
{
    [Fact]
    public async Task OnlineBackup_WhileCommentsAreWritten_StartsASiteThatShowsWhatWasCommitted()
    {
        await using var live = new NewsPortalFactory();
        var (slug, id) = await live.PublishedCommentAsync("Written before the backup.");

        // Writers keep going while the copy is made, as they would on a live site.
        using var stop = new CancellationTokenSource();
        var writes = Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                await live.PublishedCommentAsync($"Written during the backup, {n++}.");
            }

            return n;
        });

        var copy = Path.Combine(Path.GetTempPath(), $"newsportal-backup-{Guid.NewGuid():N}.db");
        try
        {
            await using (var source = new SqliteConnection(live.ConnectionString))
            await using (var target = new SqliteConnection($"Data Source={copy}"))
            {
                await source.OpenAsync();
                await target.OpenAsync();
                source.BackupDatabase(target); // what sqlite3's .backup does
            }

            await stop.CancelAsync();
            Assert.True(await writes > 0, "No comment was written while the backup ran.");

            await using var restored = new NewsPortalFactory { DatabasePath = copy };
            var (response, page) = await Html.GetAsync(restored.CreateClient(), $"/news/{slug}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Written before the backup.", page.QuerySelector($"#comment-{id}")?.TextContent ?? string.Empty, StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
            SqliteConnection.ClearAllPools();
            File.Delete(copy);
        }
    }
}
