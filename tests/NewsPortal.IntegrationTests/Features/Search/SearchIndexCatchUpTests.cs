namespace NewsPortal.IntegrationTests.Features.Search;

/// <summary>
/// The start-up catch-up of the search index: rows that have no index row (an existing database upgraded to the
/// AddSearchIndex migration, by start-up or by script) become searchable, in the background, on every kind of start.
/// </summary>
public sealed class SearchIndexCatchUpTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private sealed record OldRows(string Word, string ArticleSlug, int ArticleCount, int CommentCount);

    /// <summary>
    /// A migrated database with content whose index tables are empty, as the AddSearchIndex migration leaves an
    /// existing database: an article and a comment with a word of their own, then every index row removed. Made by
    /// an instance without a catch-up of its own and copied to a file of the test's own (the factory deletes its file): its path.
    /// </summary>
    private static async Task<(string Path, OldRows Old)> DatabaseWithAnEmptyIndexAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"newsportal-catchup-{Guid.NewGuid():N}.db");
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        using var site = new NewsPortalFactory();
        site.ConfigureServices = services => services.RemoveCatchUp();
        return await site.WithDbAsync(async db =>
        {
            var article = await new ArticleBuilder().Headline($"The {word} survey").PublishedAt(DateTime.UtcNow.AddDays(-400)).SaveAsync(db);
            await StoredComments.AddAsync(db, article.Id, "Old Reader", "old.reader@example.test", $"<p>A comment about the {word} from long ago.</p>", CommentStatus.Approved, DateTime.UtcNow.AddDays(-400));
            await db.Database.ExecuteSqlRawAsync("DELETE FROM ArticleSearch; DELETE FROM CommentSearch; DELETE FROM CommentAuthorSearch;");
#pragma warning disable EF1002 // The path is the test's own temporary file name.
            await db.Database.ExecuteSqlRawAsync($"VACUUM INTO '{path}'");
#pragma warning restore EF1002
            return (path, new OldRows(word, article.Slug, await db.Articles.CountAsync(), await db.Comments.CountAsync()));
        });
    }

    /// <summary>An instance on <paramref name="path"/>; the tests poll search, so its per-client limit is out of reach.</summary>
    private static NewsPortalFactory Site(string path)
    {
        var site = new NewsPortalFactory { DatabasePath = path };
        site.Settings["Search:RequestsPerMinutePerIp"] = "100000";
        return site;
    }

    private static async Task<List<string?>> ResultsAsync(NewsPortalFactory site, string word)
    {
        var (response, page) = await Html.GetAsync(site.CreateClient(), $"/search?q={word}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page.QuerySelectorAll(".listing .card-title a").Select(a => a.GetAttribute("href")).ToList();
    }

    private static Task<(long Articles, long Comments, long Authors)> IndexRowsAsync(NewsPortalFactory site) =>
        site.WithDbAsync(async db => (
            await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM ArticleSearch").SingleAsync(),
            await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM CommentSearch").SingleAsync(),
            await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM CommentAuthorSearch").SingleAsync()));

    private static Task<long> CommentsMatchingAsync(NewsPortalFactory site, string word) =>
        site.WithDbAsync(db => db.Database
            .SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM CommentSearch WHERE CommentSearch MATCH {0}", word).SingleAsync());

    /// <summary>Polls <paramref name="check"/> until it holds or the deadline passes; then fails with what it last saw.</summary>
    private static async Task EventuallyAsync(Func<Task<(bool Done, string Saw)>> check, string what)
    {
        var until = DateTime.UtcNow + Deadline;
        var saw = string.Empty;
        while (DateTime.UtcNow < until)
        {
            bool done;
            (done, saw) = await check();
            if (done)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{what} within {Deadline.TotalSeconds} s; last saw {saw}.");
    }

    private static Task IndexIsCompleteAsync(NewsPortalFactory site, OldRows rows) =>
        EventuallyAsync(async () =>
        {
            var (articles, comments, authors) = await IndexRowsAsync(site);
            return (articles == rows.ArticleCount && comments == rows.CommentCount && authors == rows.CommentCount,
                $"{articles}/{rows.ArticleCount} articles, {comments} and {authors}/{rows.CommentCount} comments indexed");
        }, "Every article and comment should have its index rows");

    [Fact]
    public async Task CatchUp_WithMigrateOnStartupOff_IndexesRowsThatPredateTheIndex()
    {
        var (path, old) = await DatabaseWithAnEmptyIndexAsync();

        // Deployed by script: the operator migrated the database, the site does not.
        using var site = Site(path);
        site.Settings["Database:MigrateOnStartup"] = "false";

        await EventuallyAsync(async () =>
        {
            var found = await ResultsAsync(site, old.Word);
            return (found.Contains($"/news/{old.ArticleSlug}"), $"results [{string.Join(", ", found)}]");
        }, $"A search for '{old.Word}' should find the article written before the index");
        await IndexIsCompleteAsync(site, old);
        Assert.Equal(1, await CommentsMatchingAsync(site, old.Word));
    }

    /// <summary>
    /// A catch-up stopped half-way while the site kept saving: newer rows are indexed, older ones below them are not.
    /// The next start still finds the older ones (the index is the record of what is done, not its highest id).
    /// </summary>
    [Fact]
    public async Task CatchUp_OlderRowsMissingBelowNewerIndexedOnes_AreIndexedOnTheNextStart()
    {
        var (path, old) = await DatabaseWithAnEmptyIndexAsync();
        // An instance whose catch-up never ran saves an article: indexed at once, with the highest id.
        using var before = Site(path);
        before.Settings["Database:MigrateOnStartup"] = "false";
        before.ConfigureServices = services => services.RemoveCatchUp();
        await before.WithDbAsync(db => new ArticleBuilder().Headline("Saved while the catch-up was away").SaveAsync(db));

        using var site = Site(path);

        await EventuallyAsync(async () =>
        {
            var found = await ResultsAsync(site, old.Word);
            return (found.Contains($"/news/{old.ArticleSlug}"), $"results [{string.Join(", ", found)}]");
        }, $"A search for '{old.Word}' should find the older article");
        await IndexIsCompleteAsync(site, old with { ArticleCount = old.ArticleCount + 1 });
    }

    [Fact]
    public async Task CatchUp_StillRunning_HoldsUpNeitherStartNorReadiness()
    {
        var (path, old) = await DatabaseWithAnEmptyIndexAsync();
        var held = new HeldIndexReads();
        using var site = Site(path);
        site.DbInterceptors.Add(held);
        try
        {
            var started = Task.Run(() => site.Server);
            var finished = await Task.WhenAny(started, Task.Delay(Deadline));
            Assert.True(finished == started, "Start-up waited for the search index catch-up, which was held.");
            await held.Reached.WaitAsync(Deadline);

            // The catch-up is held at its first read; the instance answers all the same.
            var ready = await site.CreateClient().GetAsync(new Uri("/healthz/ready", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
        finally
        {
            held.Release();
        }

        await IndexIsCompleteAsync(site, old);
    }

    [Fact]
    public async Task TwoInstancesStartingTogether_BothComeUp_AndTheIndexIsComplete()
    {
        var (path, old) = await DatabaseWithAnEmptyIndexAsync();
        using var a = Site(path);
        using var b = Site(path);

        await Task.WhenAll(Task.Run(() => a.Server), Task.Run(() => b.Server));

        foreach (var site in new[] { a, b })
        {
            Assert.Equal(HttpStatusCode.OK, (await site.CreateClient().GetAsync(new Uri("/healthz/ready", UriKind.Relative))).StatusCode);
        }

        await IndexIsCompleteAsync(a, old);
        foreach (var site in new[] { a, b })
        {
            await EventuallyAsync(async () =>
            {
                var found = await ResultsAsync(site, old.Word);
                return (found.Contains($"/news/{old.ArticleSlug}"), $"results [{string.Join(", ", found)}]");
            }, $"Each instance's search for '{old.Word}' should find the older article");
        }
    }

    /// <summary>Holds the first reads of the article index (the catch-up's) until released.</summary>
    private sealed class HeldIndexReads : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => _reached.Task;

        public void Release() => _release.TrySetResult();

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (!_release.Task.IsCompleted && command.CommandText.Contains("FROM ArticleSearch", StringComparison.Ordinal))
            {
                _reached.TrySetResult();
                await _release.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            }

            return result;
        }
    }
}

internal static class CatchUpServiceCollectionExtensions
{
    /// <summary>This instance runs no catch-up: a process that stopped before its catch-up got anywhere.</summary>
    public static void RemoveCatchUp(this IServiceCollection services)
    {
        foreach (var descriptor in services.Where(d => d.ImplementationType?.Name == "SearchIndexCatchUpService").ToList())
        {
            services.Remove(descriptor);
        }
    }
}
