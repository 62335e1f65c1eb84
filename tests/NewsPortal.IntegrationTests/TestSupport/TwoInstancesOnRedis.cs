namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>
/// Two instances of the site on one SQLite file and one real redis-server, for the tests of what several instances
/// share. A starts first (it migrates and seeds the shared file), then B. A reaches Redis through
/// <see cref="RedisForA"/>, which a test may put behind a <see cref="RedisLink"/> it can cut; B always connects directly.
/// </summary>
public abstract class TwoInstancesOnRedis(string name) : IAsyncLifetime
{
    public RedisServer Redis { get; } = new();

    public NewsPortalFactory A { get; private set; } = null!;

    public NewsPortalFactory B { get; private set; } = null!;

    /// <summary>The settings both instances get besides the shared database and Redis.</summary>
    protected abstract IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>Called once Redis is up: the address A should use (Redis itself unless overridden).</summary>
    protected virtual string RedisForA() => Redis.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        await Redis.InitializeAsync();
        var database = Path.Combine(Path.GetTempPath(), $"newsportal-{name}-{Guid.NewGuid():N}.db");
        A = Instance(database, RedisForA());
        _ = A.Server;
        B = Instance(database, Redis.ConnectionString);
        _ = B.Server;
    }

    private NewsPortalFactory Instance(string database, string redis)
    {
        var factory = new NewsPortalFactory { DatabasePath = database };
        factory.Settings["ConnectionStrings:Redis"] = redis;
        foreach (var (key, value) in Settings)
        {
            factory.Settings[key] = value;
        }

        return factory;
    }

    public virtual async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await Redis.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
