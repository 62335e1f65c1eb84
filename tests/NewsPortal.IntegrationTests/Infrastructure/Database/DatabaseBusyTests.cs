namespace NewsPortal.IntegrationTests.Infrastructure.Database;

/// <summary>Another process holds SQLite's write lock while readers post comments.</summary>
public sealed class DatabaseBusyTests
{
    private const int Posters = 32;

    /// <summary>How long a post waits for the lock: the window in which every read must have been answered.</summary>
    private const int WriteWaitSeconds = 5;

    private static readonly TimeSpan InsertStartsTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Completes when the first command inserting a comment starts: from then on a post waits at the lock.</summary>
    private sealed class CommentInsertSeen : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Seen => _seen.Task;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Notice(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Notice(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Notice(DbCommand command)
        {
            if (command.CommandText.Contains("INSERT INTO \"Comments\"", StringComparison.Ordinal))
            {
                _seen.TrySetResult();
            }
        }
    }

    [Fact]
    public async Task CommentPosts_WhileAnotherProcessHoldsTheWriteLock_Get503WithTheirTextAndReadsDoNotWait()
    {
        var inserts = new CommentInsertSeen();
        using var factory = new NewsPortalFactory { DbInterceptors = { inserts } };
        factory.Settings["Database:WriteWaitSeconds"] = WriteWaitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var slug = (await factory.WithDbAsync(db => new ArticleBuilder().SaveAsync(db))).Slug;
        var forms = new List<(HttpClient Client, IHtmlFormElement Form)>();
        for (var i = 0; i < Posters; i++)
        {
            var client = factory.CreateNoRedirectClient();
            var (_, page) = await Html.GetAsync(client, $"/news/{slug}");
            forms.Add((client, Html.CommentForm(page)));
        }

        // Warm: the first render of a page compiles its views, which is not what this test measures.
        var reader = factory.CreateClient();
        foreach (var url in new[] { "/healthz", "/" })
        {
            await reader.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        }

        // "Another process": a connection of its own on the same file, holding the write lock.
        await using var other = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await other.OpenAsync(TestContext.Current.CancellationToken);
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var posts = forms.Select((f, i) => Html.SubmitAsync(f.Client, f.Form, new Dictionary<string, string>
        {
            ["Name"] = $"Poster {i}",
            ["Email"] = $"poster{i}@example.com",
            ["Body"] = $"Comment number {i} while the database is locked.",
        })).ToList();

        // While the posts wait at the lock, readers and probes do not: each read is answered while every post is
        // still waiting (a read that waited for the lock would come back only after the posts had given up).
        Assert.True(
            await Task.WhenAny(inserts.Seen, Task.Delay(InsertStartsTimeout, TestContext.Current.CancellationToken)) == inserts.Seen,
            $"No comment insert reached the database within {InsertStartsTimeout.TotalSeconds} s; {posts.Count(p => p.IsCompleted)} posts had answered.");
        var reads = new List<(string Url, HttpStatusCode Status, int PostsAnswered)>();
        foreach (var url in new[] { "/healthz", $"/news/{slug}", "/", "/healthz" })
        {
            var response = await reader.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            reads.Add((url, response.StatusCode, posts.Count(p => p.IsCompleted)));
        }

        var answers = await Task.WhenAll(posts);

        Assert.All(reads, r => Assert.True(
            r.Status == HttpStatusCode.OK && r.PostsAnswered == 0,
            $"{r.Url} answered {(int)r.Status} when {r.PostsAnswered} of {Posters} posts had already given up waiting for the lock: the read waited for it too."));
        for (var i = 0; i < Posters; i++)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answers[i].StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(10), answers[i].Headers.RetryAfter?.Delta);
            var page = await Html.ParseAsync(answers[i]);
            Assert.Equal(ArticlesController.BusyMessage, page.QuerySelector("#comments .form-errors")!.TextContent.Trim());
            Assert.Equal($"Comment number {i} while the database is locked.", Html.CommentForm(page).QuerySelector<IHtmlTextAreaElement>("textarea[name=Body]")!.Value.Trim());
        }

        await using (var rollback = other.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var retry = await Html.SubmitAsync(forms[0].Client, Html.CommentForm(await Html.ParseAsync(answers[0])));
        Assert.Equal(HttpStatusCode.SeeOther, retry.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.Article.Slug == slug)));
    }
}
