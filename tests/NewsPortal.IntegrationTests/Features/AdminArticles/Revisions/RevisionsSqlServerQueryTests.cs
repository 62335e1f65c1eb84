namespace NewsPortal.IntegrationTests.Features.AdminArticles.Revisions;

/// <summary>
/// Revisions, autosave, conflicts, presence and pruning, run through the SQL Server provider (no server): every command
/// is captured and parsed as T-SQL. The services are called directly, as a signed-in editor's request would.
/// </summary>
public sealed class RevisionsSqlServerQueryTests(SqlServerQueryTests.SqlServerFactory factory) : IClassFixture<SqlServerQueryTests.SqlServerFactory>
{
    [Fact]
    public async Task RevisionAutosavePresenceAndPruningQueries_AreValidTSql()
    {
        factory.Capture.Commands.Clear();
        await InScopeAsync(async services =>
        {
            await services.GetRequiredService<RevisionHistory>().LoadAsync(1, null, null, CancellationToken.None);
            await services.GetRequiredService<RevisionHistory>().LoadAsync(1, 1, 1, CancellationToken.None);
            var presence = services.GetRequiredService<PresenceTracker>();
            await presence.BeatAsync(1, CancellationToken.None);
            await presence.OthersAsync(1, CancellationToken.None);
            await presence.LeaveAsync(1, CancellationToken.None);
            var slots = services.GetRequiredService<AutosaveSlots>();
            await slots.FindAsync(1, CancellationToken.None);
            await slots.DiscardAsync(1, CancellationToken.None);
        });
        await InScopeAsync(services => SavedOrAnsweredWithoutRowsAsync(() =>
            services.GetRequiredService<AutosaveSlots>().SaveAsync(1, new AutosaveForm { Headline = "Half", BodyHtml = "<p>x</p>", OpenedAtVersion = 1, CoAuthorIds = [2, 3] }, CancellationToken.None)));
        await InScopeAsync(services => SavedOrAnsweredWithoutRowsAsync(() =>
            services.GetRequiredService<RestoreRevision>().RestoreAsync(1, 1, CancellationToken.None)));
        await InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<NewsDbContext>();
            var article = await db.Articles.FirstAsync();
            await services.GetRequiredService<ArticleConflicts>().FindAsync(article, new ArticleForm { Headline = "Mine", BodyHtml = "<p>Mine</p>", OpenedAtVersion = 0 }, ArticleIntent.Publish, CancellationToken.None);
        });
        await InScopeAsync(services => SavedOrAnsweredWithoutRowsAsync(async () =>
        {
            var db = services.GetRequiredService<NewsDbContext>();
            var article = await db.Articles.FirstAsync();
            article.EditVersion = 0;
            db.ChangeTracker.AcceptAllChanges();
            var before = ArticleSnapshot.Of(article, [2, 3]);
            article.Headline = "Changed";
            await services.GetRequiredService<RevisionRecorder>().AddAsync(article, [3, 2], before, RevisionReason.Saved, null, CancellationToken.None);
            await db.SaveChangesAsync();
        }));
        await InScopeAsync(async services => await services.GetRequiredService<RevisionPruner>().PruneAsync(CancellationToken.None));

        var commands = factory.Capture.Commands.Distinct().ToList();
        Assert.Contains(commands, c => c.Contains("FROM [ArticleRevisions]", StringComparison.Ordinal) && c.Contains("GROUP BY", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("DELETE FROM [a]", StringComparison.Ordinal) && c.Contains("[ArticleRevisions]", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("UPDATE [e]", StringComparison.Ordinal) && c.Contains("[EditingPresence]", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("INSERT INTO [ArticleRevisions]", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("[EditVersion] = @", StringComparison.Ordinal) && c.Contains("UPDATE [Articles]", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("[ArticleAutosaves]", StringComparison.Ordinal) && c.Contains("INSERT", StringComparison.Ordinal));
        TSql.AssertValid(commands);
    }

    private async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var http = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        http.HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "staff-1"), new Claim(ClaimTypes.Name, "ana@test.example")], "Test")),
        };
        try
        {
            await work(scope.ServiceProvider);
        }
        finally
        {
            http.HttpContext = null;
        }
    }

    private static async Task SavedOrAnsweredWithoutRowsAsync(Func<Task> save)
    {
        try
        {
            await save();
        }
        catch (DbUpdateException)
        {
            // The stand-in server answers a save without the generated values or row counts it expects; its statements were captured before that.
        }
    }
}
