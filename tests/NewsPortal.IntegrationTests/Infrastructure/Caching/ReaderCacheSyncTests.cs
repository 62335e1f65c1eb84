namespace NewsPortal.IntegrationTests.Infrastructure.Caching;

/// <summary>
/// The cross-instance bound, tested by losing messages: two instances on one database and a real redis-server, A
/// through a relay that can cut A alone off. Whatever pub/sub loses, a change on one instance is served by the other
/// within <c>Cache:SyncMilliseconds</c> plus one Redis read, or an instance reports Degraded.
/// </summary>
public sealed class ReaderCacheSyncTests : IClassFixture<ReaderCacheSyncTests.TwoInstances>
{
    private const int SyncMilliseconds = 400;

    /// <summary>The promise: the interval plus one Redis command's timeout (1 s).</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromMilliseconds(SyncMilliseconds) + TimeSpan.FromSeconds(1);

    /// <summary>How long a test waits for what the bound promises: a few bounds, for a busy machine.</summary>
    private static readonly TimeSpan Deadline = 3 * Bound;

    /// <summary>A client cut off from Redis retries every second; this is its time to come back, on top of the bound.</summary>
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(5);

    private readonly TwoInstances _site;

    public ReaderCacheSyncTests(TwoInstances site)
    {
        RedisServer.Require();
        _site = site;
    }

    public sealed class TwoInstances() : TwoInstancesOnRedis("sync")
    {
        /// <summary>A's road to Redis; B connects directly.</summary>
        public RedisLink LinkOfA { get; private set; } = null!;

        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["Cache:SyncMilliseconds"] = SyncMilliseconds.ToString(CultureInfo.InvariantCulture),
        };

        protected override string RedisForA()
        {
            LinkOfA = new RedisLink(Redis);
            return LinkOfA.ConnectionString;
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await LinkOfA.DisposeAsync();
        }
    }

    private static async Task<(HttpStatusCode Status, string Html)> GetAsync(NewsPortalFactory instance, string url)
    {
        using var response = await instance.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> ReadyAsync(NewsPortalFactory instance)
    {
        using var response = await instance.CreateClient().GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Asks <paramref name="instance"/> for <paramref name="url"/> until <paramref name="served"/> holds; fails with what it served.</summary>
    private static async Task<TimeSpan> ServedWithinAsync(
        NewsPortalFactory instance, string name, string url, Func<HttpStatusCode, string, bool> served, TimeSpan within, string what, string marker)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (status, html) = await GetAsync(instance, url);
            if (served(status, html))
            {
                return clock.Elapsed;
            }

            if (clock.Elapsed > within)
            {
                Assert.Fail($"{name} did not serve {what} within {within.TotalSeconds:0.0} s: after {clock.Elapsed.TotalSeconds:0.0} s GET {url} still answered "
                    + $"{(int)status}, {(html.Contains(marker, StringComparison.Ordinal) ? "with" : "without")} '{marker}'.");
            }

            await Task.Delay(50);
        }
    }

    private static async Task UntilReadyAsync(NewsPortalFactory instance, string name, string status, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        string last;
        while ((last = await ReadyAsync(instance)) != status)
        {
            Assert.True(clock.Elapsed < within, $"{name} /healthz/ready answered '{last}' for {within.TotalSeconds:0.0} s; expected '{status}'.");
            await Task.Delay(50);
        }
    }

    private async Task BothHealthyAsync()
    {
        await UntilReadyAsync(_site.A, "A", "Healthy", Reconnect + Deadline);
        await UntilReadyAsync(_site.B, "B", "Healthy", Reconnect + Deadline);
    }

    private async Task<(Article Article, int CommentId, string Marker)> ArticleWithACommentAsync(CommentStatus status)
    {
        var marker = $"Comment {Guid.NewGuid():N}";
        var article = await _site.A.WithDbAsync(db => new ArticleBuilder().SaveAsync(db));
        var id = await _site.A.WithDbAsync(async db =>
        {
            var comment = await StoredComments.AddAsync(
                db, article.Id, "Sync", "sync@example.com", $"<p>{marker}</p>", status, DateTime.UtcNow);
            return comment.Id;
        });
        return (article, id, marker);
    }

    private Task SetCommentStatusOnAAsync(int id, CommentStatus status) =>
        _site.A.WithDbAsync(async db =>
        {
            var comment = await db.Comments.SingleAsync(c => c.Id == id);
            comment.Status = status;
            await db.SaveChangesAsync();
        });

    [Fact]
    public async Task SubscriptionsCutAgainAndAgain_AnApprovalOnAIsServedByBWithinTheBound()
    {
        await BothHealthyAsync();
        var (article, id, marker) = await ArticleWithACommentAsync(CommentStatus.Pending);
        var url = $"/news/{article.Slug}";
        Assert.DoesNotContain(marker, (await GetAsync(_site.B, url)).Html, StringComparison.Ordinal);

        // Every subscriber connection is cut as soon as it is back, while the command connections live: messages
        // are lost, nothing else is.
        using var stop = new CancellationTokenSource();
        var cut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cutter = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (await _site.Redis.CommandAsync("CLIENT", "KILL", "TYPE", "pubsub") != ":0")
                {
                    cut.TrySetResult();
                }

                await Task.Delay(10, CancellationToken.None);
            }
        });
        try
        {
            await cut.Task.WaitAsync(Deadline);
            await SetCommentStatusOnAAsync(id, CommentStatus.Approved);
            await ServedWithinAsync(_site.B, "B", url, (status, html) => status == HttpStatusCode.OK && html.Contains(marker, StringComparison.Ordinal), Deadline, "the approval made on A", marker);
        }
        finally
        {
            await stop.CancelAsync();
            await cutter;
        }
    }

    [Fact]
    public async Task RedisStopped_AnUnpublishOnAIsGoneFromBWithinTheBound()
    {
        await BothHealthyAsync();
        var article = await _site.A.WithDbAsync(db => new ArticleBuilder().SaveAsync(db));
        var url = $"/news/{article.Slug}";
        await _site.Redis.StopAsync();
        try
        {
            // Both have noticed, and B has the page cached after that (whatever it did on noticing is behind it).
            await UntilReadyAsync(_site.A, "A", "Degraded", Deadline);
            await UntilReadyAsync(_site.B, "B", "Degraded", Deadline);
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(_site.B, url)).Status);
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(_site.B, url)).Status);

            await _site.A.WithDbAsync(async db =>
            {
                var tracked = await db.Articles.SingleAsync(a => a.Id == article.Id);
                tracked.Status = ArticleStatus.Draft;
                await db.SaveChangesAsync();
            });

            await ServedWithinAsync(_site.B, "B", url, (status, _) => status == HttpStatusCode.NotFound, Deadline, "the unpublish made on A (404)", article.Slug);
            await ServedWithinAsync(_site.B, "B", "/", (_, html) => !html.Contains(article.Slug, StringComparison.Ordinal), Deadline, "a front page without the unpublished story", article.Slug);
        }
        finally
        {
            await _site.Redis.StartAsync();
        }

        await BothHealthyAsync();
    }

    [Fact]
    public async Task AAloneCutOffFromRedis_ItsChangeReachesBWithinTheBoundOnceItsLinkIsBack_AndAIsDegradedMeanwhile()
    {
        await BothHealthyAsync();
        var (article, id, marker) = await ArticleWithACommentAsync(CommentStatus.Approved);
        var url = $"/news/{article.Slug}";
        await ServedWithinAsync(_site.B, "B", url, (_, html) => html.Contains(marker, StringComparison.Ordinal), Deadline, "the approved comment", marker);

        _site.LinkOfA.Cut();
        try
        {
            await UntilReadyAsync(_site.A, "A", "Degraded", Deadline);

            // A moderator on A hides the comment; A cannot tell Redis. A itself stops showing it at once.
            await SetCommentStatusOnAAsync(id, CommentStatus.Rejected);
            Assert.DoesNotContain(marker, (await GetAsync(_site.A, url)).Html, StringComparison.Ordinal);
            Assert.Equal("Degraded", await ReadyAsync(_site.A));
        }
        finally
        {
            _site.LinkOfA.Restore();
        }

        // The change was remembered: once A is back, B drops the comment within the bound (plus A's reconnect).
        await ServedWithinAsync(_site.B, "B", url, (_, html) => !html.Contains(marker, StringComparison.Ordinal), Reconnect + Deadline, "the hiding made on A while A was cut off", marker);
        await UntilReadyAsync(_site.A, "A", "Healthy", Reconnect + Deadline);
    }

    /// <remarks>
    /// A string where the hash should be fails every read and count with a Redis error; a counter that is not a number
    /// fails them in the site's own parsing, which stops the sync loop: Healthy afterwards proves it started again.
    /// </remarks>
    [Theory]
    [InlineData("SET", "newsportal:reader-versions", "not a hash")]
    [InlineData("HSET", "newsportal:reader-versions", "articles", "not a number")]
    public async Task SharedVersionsUnreadable_ReadySaysDegraded_BStillServesAChangeWithinTheBound_HealthyAgainAfter(params string[] breakIt)
    {
        await BothHealthyAsync();
        var (article, id, marker) = await ArticleWithACommentAsync(CommentStatus.Pending);
        var url = $"/news/{article.Slug}";

        // Redis answers (PING is fine) but the shared versions cannot be read or counted.
        await _site.Redis.CommandAsync("DEL", "newsportal:reader-versions");
        Assert.Matches("^(\\+OK|:1)$", await _site.Redis.CommandAsync(breakIt));
        try
        {
            await UntilReadyAsync(_site.A, "A", "Degraded", Deadline);
            await UntilReadyAsync(_site.B, "B", "Degraded", Deadline);
            Assert.DoesNotContain(marker, (await GetAsync(_site.B, url)).Html, StringComparison.Ordinal);

            await SetCommentStatusOnAAsync(id, CommentStatus.Approved);
            await ServedWithinAsync(_site.B, "B", url, (_, html) => html.Contains(marker, StringComparison.Ordinal), Deadline, "the approval made on A", marker);
        }
        finally
        {
            await _site.Redis.CommandAsync("DEL", "newsportal:reader-versions");
        }

        await BothHealthyAsync();
    }
}
