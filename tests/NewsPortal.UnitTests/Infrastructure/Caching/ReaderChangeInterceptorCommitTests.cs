namespace NewsPortal.UnitTests.Infrastructure.Caching;

/// <summary>
/// When a classified change reaches the reader cache: after the save, or inside a transaction only once it commits,
/// never when it rolls back. Saves go to a real SQLite database through the interceptor; one instance, no Redis.
/// </summary>
public sealed class ReaderChangeInterceptorCommitTests : IDisposable
{
    private readonly MemoryDatabase _cacheDatabase = new();
    private readonly ReaderCache _cache;
    private readonly MemoryDatabase _database;
    private readonly IServiceScope _scope;
    private readonly NewsDbContext _db;
    private readonly int _articleId;

    public ReaderChangeInterceptorCommitTests()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var redis = ReaderCaches.NoRedis();
        _cache = ReaderCaches.Cache(_cacheDatabase, time, redis);
        _database = new MemoryDatabase(new ReaderChangeInterceptor(ReaderCaches.Bus(_cache, time, redis)));
        _scope = _database.Services.CreateScope();
        _db = _scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var article = new Article
        {
            Slug = "story",
            Headline = "Headline",
            Standfirst = "Standfirst",
            BodyHtml = "<p>Body</p>",
            Status = ArticleStatus.Published,
            Author = new Author { Name = "Ada Reporter", Slug = "ada-reporter" },
            Category = new Category { Name = "World", Slug = "world" },
        };
        _db.Add(article);
        _db.SaveChanges();
        _articleId = article.Id;
    }

    public void Dispose()
    {
        _scope.Dispose();
        _database.Dispose();
        _cache.Dispose();
        _cacheDatabase.Dispose();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Comment NewComment(CommentStatus status) => new()
    {
        ArticleId = _articleId,
        AuthorName = "Reader",
        AuthorEmail = "reader@example.test",
        BodyHtml = "<p>Comment</p>",
        Status = status,
    };

    [Fact]
    public async Task SaveChangesAsync_ApprovedComment_MovesTheCommentsVersionBeforeItReturns()
    {
        var before = await _cache.VersionsAsync();

        _db.Add(NewComment(CommentStatus.Approved));
        await _db.SaveChangesAsync(Cancel);

        Assert.Equal(before with { Comments = before.Comments + 1 }, await _cache.VersionsAsync());
    }

    [Fact]
    public async Task SaveChanges_Synchronous_MovesTheVersionToo()
    {
        var before = await _cache.VersionsAsync();

        _db.Add(NewComment(CommentStatus.Approved));
        _db.SaveChanges();

        Assert.Equal(before with { Comments = before.Comments + 1 }, await _cache.VersionsAsync());
    }

    [Fact]
    public async Task SaveChangesAsync_HeldComment_MovesNothing()
    {
        var before = await _cache.VersionsAsync();

        _db.Add(NewComment(CommentStatus.Pending));
        await _db.SaveChangesAsync(Cancel);

        Assert.Equal(before, await _cache.VersionsAsync());
    }

    [Fact]
    public async Task InATransaction_NothingMovesUntilItCommits_ThenTheStrongestChangeOnce()
    {
        var before = await _cache.VersionsAsync();
        await using var transaction = await _db.Database.BeginTransactionAsync(Cancel);

        _db.Add(NewComment(CommentStatus.Approved));
        await _db.SaveChangesAsync(Cancel);
        var article = await _db.Articles.SingleAsync(a => a.Id == _articleId, Cancel);
        article.Headline = "Corrected headline";
        await _db.SaveChangesAsync(Cancel);
        Assert.Equal(before, await _cache.VersionsAsync());

        await transaction.CommitAsync(Cancel);

        Assert.Equal(new ReaderVersions(before.Articles + 1, before.Comments + 1), await _cache.VersionsAsync());
    }

    [Fact]
    public async Task InATransaction_RolledBack_NothingMoves_NorWithTheContextsNextCommit()
    {
        var before = await _cache.VersionsAsync();
        await using (var transaction = await _db.Database.BeginTransactionAsync(Cancel))
        {
            _db.Add(NewComment(CommentStatus.Approved));
            await _db.SaveChangesAsync(Cancel);
            await transaction.RollbackAsync(Cancel);
        }

        _db.ChangeTracker.Clear();
        await using (var next = await _db.Database.BeginTransactionAsync(Cancel))
        {
            _db.Add(NewComment(CommentStatus.Pending));
            await _db.SaveChangesAsync(Cancel);
            await next.CommitAsync(Cancel);
        }

        Assert.Equal(before, await _cache.VersionsAsync());
    }
}
