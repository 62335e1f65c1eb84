namespace NewsPortal.IntegrationTests.Infrastructure.Caching;

/// <summary>
/// Reader pages run a fixed, small number of SQL commands whatever the size of the archive (no N+1, no
/// per-comment query), and none at all once the reader cache is warm. Counted with an EF interceptor.
/// </summary>
public sealed class QueryCountTests
{
    private static readonly string[] Pages = ["/", "/?page=2", "/news/{slug}", "/category/world", "/tag/climate", "/feed.xml", "/sitemap.xml"];

    [Fact]
    public async Task ReaderPages_RunTheSameBoundedNumberOfCommands_OnSmallAndLargeData()
    {
        using var small = new CountingFactory();
        using var large = new CountingFactory();
        var smallCounts = await CountAsync(small, extraArticles: 0, comments: 3);
        var largeCounts = await CountAsync(large, extraArticles: 400, comments: 600);

        foreach (var page in Pages)
        {
            Assert.True(smallCounts[page].Cold == largeCounts[page].Cold,
                $"{page}: {smallCounts[page].Cold} commands on small data but {largeCounts[page].Cold} on large data.");
            // The article page is the largest: the story, its co-authors, notes, tags, comment pages, rules, related
            // stories and the shared lists; 12 leaves room for one more join, not for one query per row.
            Assert.True(largeCounts[page].Cold is >= 1 and <= 12, $"{page}: {largeCounts[page].Cold} commands with a cold cache (at most 12).");
            Assert.True(largeCounts[page].Warm == 0, $"{page}: {largeCounts[page].Warm} commands with a warm cache.");
        }
    }

    private static async Task<Dictionary<string, (int Cold, int Warm)>> CountAsync(CountingFactory factory, int extraArticles, int comments)
    {
        var slug = await factory.WithDbAsync(async db =>
        {
            var target = await new ArticleBuilder().InCategory("world").Tagged("climate").SaveAsync(db);
            var author = await db.Authors.OrderBy(a => a.Id).FirstAsync();
            var world = await db.Categories.SingleAsync(c => c.Slug == "world");
            var climate = await db.Tags.SingleAsync(t => t.Slug == "climate");
            for (var i = 0; i < extraArticles; i++)
            {
                db.Articles.Add(new Article
                {
                    Slug = $"bulk-{i}",
                    Headline = $"Bulk story {i}",
                    Standfirst = "Bulk.",
                    BodyHtml = "<p>Bulk.</p>",
                    Status = ArticleStatus.Published,
                    PublishedAt = DateTime.UtcNow.AddDays(-2).AddMinutes(-i),
                    CreatedAt = DateTime.UtcNow.AddDays(-3),
                    Author = author,
                    Category = world,
                    Tags = [climate],
                    Comments = [new Comment { AuthorName = "B", AuthorEmail = "b@example.com", BodyHtml = "<p>b</p>", Status = CommentStatus.Approved, CreatedAt = DateTime.UtcNow.AddDays(-1) }],
                });
            }

            for (var i = 0; i < comments; i++)
            {
                db.Comments.Add(new Comment
                {
                    ArticleId = target.Id,
                    AuthorName = $"Reader {i}",
                    AuthorEmail = $"r{i}@example.com",
                    BodyHtml = $"<p>Comment {i}</p>",
                    Status = CommentStatus.Approved,
                    CreatedAt = DateTime.UtcNow.AddMinutes(-comments + i),
                });
            }

            await db.SaveChangesAsync();
            return target.Slug;
        });

        var client = factory.CreateClient();

        // What a process reads once in its life (the key that signs comment forms) is not a per-page cost.
        (await client.GetAsync(new Uri($"/news/{slug}", UriKind.Relative))).EnsureSuccessStatusCode();
        var counts = new Dictionary<string, (int, int)>();
        foreach (var page in Pages)
        {
            var url = page.Replace("{slug}", slug, StringComparison.Ordinal);
            factory.ForgetReaderCache();

            await client.GetAsync(new Uri("/healthz", UriKind.Relative));
            factory.Counter.Reset();
            (await client.GetAsync(new Uri(url, UriKind.Relative))).EnsureSuccessStatusCode();
            var cold = factory.Counter.Count;
            factory.Counter.Reset();
            (await client.GetAsync(new Uri(url, UriKind.Relative))).EnsureSuccessStatusCode();
            counts[page] = (cold, factory.Counter.Count);
        }

        return counts;
    }

    private sealed class CountingFactory : NewsPortalFactory
    {
        public CountingFactory()
        {
            DbInterceptors.Add(Counter);
            ConfigureServices = services =>
            {
                // The periodic jobs (mail sender, notification dispatcher, retention) query the database on their own
                // timers; a poll landing during a page request would be counted as the page's.
                foreach (var background in services.Where(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService)
                    && typeof(NewsPortal.Web.Infrastructure.Hosting.PeriodicBackgroundService).IsAssignableFrom(d.ImplementationType)).ToList())
                {
                    services.Remove(background);
                }
            };
        }

        public CommandCounter Counter { get; } = new();
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
