[assembly: AssemblyFixture(typeof(NewsPortal.TopologyTests.TestSupport.Topology))]

// One topology, changed by tests that kill and restart its parts: tests take turns.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace NewsPortal.TopologyTests.TestSupport;

/// <summary>
/// The site as it runs in production, on 127.0.0.1 only: the published build as two processes (A and B) sharing one
/// SQLite file and one Redis, behind nginx. Built once per test run, in a run directory under the temp folder that
/// holds the publish output, the database, every log and nginx's files, and is deleted at the end.
/// <para>
/// Without redis-server or nginx every test is skipped with a message saying so; with <c>CI=true</c> they fail
/// instead (<c>.ci/run</c> installs both). Tests call <see cref="ReadyAsync"/> first: it skips or fails as above and
/// brings back anything an earlier test stopped, so tests do not depend on their order.
/// </para>
/// </summary>
public sealed class Topology : IAsyncLifetime
{
    public const string AdminEmail = "admin@topology.test";
    public const string AdminPassword = "topology tests password";

    /// <summary>The site's default, kept: the rate-limit test depends on it; other tests post as distinct readers.</summary>
    public const int PostsPerMinutePerIp = 5;

    private static readonly TimeSpan RestoreTimeout = TimeSpan.FromSeconds(20);

    private readonly Dictionary<string, Visitor> _admins = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _adminLock = new(1, 1);
    private int _readers;
    private string? _missingTools;
    private string? _runDirectory;
    private string? _publishDirectory;
    private ProcessGuard? _guard;
    private RedisServer? _redis;
    private SiteInstance? _a;
    private SiteInstance? _b;
    private NginxProxy? _nginx;
    private SharedDatabase? _database;
    private string? _commentArticle;

    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public RedisServer Redis => _redis ?? throw NotStarted();

    public SiteInstance A => _a ?? throw NotStarted();

    public SiteInstance B => _b ?? throw NotStarted();

    public IReadOnlyList<SiteInstance> Instances => [A, B];

    public NginxProxy Nginx => _nginx ?? throw NotStarted();

    public SharedDatabase Database => _database ?? throw NotStarted();

    /// <summary>nginx's address, which is also the site's <c>Site:PublicUrl</c>.</summary>
    public Uri PublicUrl => Nginx.BaseAddress;

    public string RunDirectory => _runDirectory ?? throw NotStarted();

    /// <summary>The media library both instances share (<c>Media:Root</c>), and nginx serves the variants of.</summary>
    public string MediaRoot => Path.Combine(RunDirectory, "media");

    /// <summary>The Release publish output both instances run from.</summary>
    public string PublishDirectory => _publishDirectory ?? throw NotStarted();

    public async ValueTask InitializeAsync()
    {
        var redisServer = SitePublish.FindTool("redis-server");
        var nginx = SitePublish.FindTool("nginx");
        if (redisServer is null || nginx is null)
        {
            _missingTools = string.Join(" and ", new[] { ("redis-server", redisServer), ("nginx", nginx) }.Where(t => t.Item2 is null).Select(t => t.Item1));
            return;
        }

        _runDirectory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"newsportal-topology-{Guid.NewGuid():N}")).FullName;
        _guard = new ProcessGuard(_runDirectory);
        var dotnet = SitePublish.DotnetHost();
        var publish = await SitePublish.PublishAsync(_guard, dotnet, _runDirectory);
        _publishDirectory = publish;

        var ports = Loopback.FreePorts(6);
        _database = new SharedDatabase(Path.Combine(_runDirectory, "newsportal.db"));
        _redis = new RedisServer(_guard, redisServer, Directory.CreateDirectory(Path.Combine(_runDirectory, "redis")).FullName, ports[0]);
        var publicUrl = Loopback.Url(ports[3]).ToString().TrimEnd('/');
        var environment = SiteEnvironment(publicUrl);
        _a = new SiteInstance("A", ports[1], _guard, dotnet, publish, _runDirectory, environment, metricsPort: ports[4]);
        _b = new SiteInstance("B", ports[2], _guard, dotnet, publish, _runDirectory, environment, metricsPort: ports[5]);
        _nginx = new NginxProxy(_guard, nginx, _runDirectory, ports[3], [_a, _b], MediaRoot);

        await _redis.StartAsync();

        // A first: its start migrates the empty database and seeds the sample content; B then finds it ready.
        await _a.StartAsync();
        await _b.StartAsync();
        await _nginx.StartAsync();
    }

    /// <summary>
    /// Call first in every test. Skips (or under CI fails) without the tools; then makes sure Redis, both instances
    /// and nginx run, both instances report <c>Healthy</c>, and nginx sends requests to both again.
    /// </summary>
    public async Task ReadyAsync()
    {
        if (_missingTools is not null)
        {
            if (UnderCi)
            {
                throw new InvalidOperationException(
                    $"CI=true but {_missingTools} is not installed: topology tests must run in CI. Install with 'apt-get install -y redis-server nginx' (.ci/run does).");
            }

            Assert.Skip($"Topology tests skipped: {_missingTools} not found on PATH, /usr/bin or /usr/sbin (apt-get install -y redis-server nginx). Under CI=true they run.");
        }

        await Redis.StartAsync();
        foreach (var instance in Instances)
        {
            await instance.StartAsync();
        }

        await Nginx.StartAsync();

        foreach (var instance in Instances)
        {
            var (healthy, status, body) = await instance.WaitUntilHealthyAsync(RestoreTimeout);
            Assert.True(healthy, $"Before the test: {instance} did not report Healthy within {RestoreTimeout.TotalSeconds} s (last: {status} '{body}').\n{instance.LogTail()}");
        }

        Assert.True(
            await Nginx.WaitForAllUpstreamsAsync(RestoreTimeout),
            $"Before the test: nginx did not send requests to both instances within {RestoreTimeout.TotalSeconds} s.\n{ChildProcess.ReadTail(Nginx.ErrorLogPath, 20)}");
    }

    /// <summary>
    /// A new reader through nginx with an address of their own (192.0.2.1, 192.0.2.2, …), so the per-IP comment limit
    /// of one test never spills into another.
    /// </summary>
    public Visitor Reader() => new(PublicUrl, NextReaderAddress());

    public string NextReaderAddress()
    {
        var n = Interlocked.Increment(ref _readers) - 1;
        return $"192.0.{2 + (n / 250)}.{(n % 250) + 1}";
    }

    /// <summary>A browser talking to one instance directly, past nginx (as an operator or a test would).</summary>
    public static Visitor Direct(SiteInstance instance) => new(instance.BaseAddress);

    /// <summary>The admin, signed in on <paramref name="instance"/> directly (one browser per instance, kept for the run).</summary>
    public async Task<Visitor> AdminOnAsync(SiteInstance instance)
    {
        await _adminLock.WaitAsync();
        try
        {
            if (_admins.TryGetValue(instance.Name, out var admin))
            {
                var dashboard = await admin.GetAsync("/admin");
                if (dashboard.Status == HttpStatusCode.OK)
                {
                    return admin;
                }

                _admins.Remove(instance.Name);
                admin.Dispose();
            }

            admin = Direct(instance);
            try
            {
                await Journeys.SignInAsync(admin, AdminEmail, AdminPassword);
            }
            catch
            {
                admin.Dispose();
                throw;
            }

            _admins[instance.Name] = admin;
            return admin;
        }
        finally
        {
            _adminLock.Release();
        }
    }

    /// <summary>
    /// Call first in a test that posts many marked comments: <see cref="ReadyAsync"/>, then the article to post on and
    /// a new run id, which starts every marker so that only this run's comments are counted.
    /// </summary>
    public async Task<(string Slug, string Run)> ReadyToCommentAsync()
    {
        await ReadyAsync();
        return (await CommentArticleAsync(), Guid.NewGuid().ToString("N")[..12]);
    }

    /// <summary>A sample article with open comments, from the front page; comment tests post on it.</summary>
    public async Task<string> CommentArticleAsync()
    {
        if (_commentArticle is not null)
        {
            return _commentArticle;
        }

        using var reader = Reader();
        var front = await reader.PageAsync("/");
        foreach (var slug in Html.ArticleSlugs(front))
        {
            var page = await reader.PageAsync($"/news/{slug}");
            if (page.QuerySelector<IHtmlFormElement>("#comments form.comment-form") is not null)
            {
                return _commentArticle = slug;
            }
        }

        throw new InvalidOperationException("No article linked from the front page has an open comment form.");
    }

    /// <summary>The logs of everything, for a failure message.</summary>
    public string Logs(int lines = 30) =>
        string.Join('\n', Instances.Select(i => i.LogTail(lines)).Append(ChildProcess.ReadTail(Nginx.ErrorLogPath, lines)).Append(ChildProcess.ReadTail(Redis.LogPath, 10)));

    public async ValueTask DisposeAsync()
    {
        foreach (var admin in _admins.Values)
        {
            admin.Dispose();
        }

        _nginx?.Dispose();
        _b?.Dispose();
        _a?.Dispose();
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        _guard?.Dispose();
        _adminLock.Dispose();

        if (_runDirectory is not null)
        {
            for (var attempt = 0; attempt < 5 && Directory.Exists(_runDirectory); attempt++)
            {
                try
                {
                    Directory.Delete(_runDirectory, recursive: true);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    await Task.Delay(200);
                }
            }
        }
    }

    private Dictionary<string, string?> SiteEnvironment(string publicUrl)
    {
        var environment = SitePublish.InstanceEnvironment(publicUrl);
        environment["ConnectionStrings__NewsPortal"] = Database.SiteConnectionString;
        environment["ConnectionStrings__Redis"] = Redis.ConnectionString;
        environment["Media__Root"] = MediaRoot;
        return environment;
    }

    private static InvalidOperationException NotStarted() =>
        new("The topology was not started (see the fixture's error, or the skip message).");
}
