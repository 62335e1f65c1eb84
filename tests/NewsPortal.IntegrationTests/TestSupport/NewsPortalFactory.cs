namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>
/// The whole site on a real SQLite file of its own, in the Testing environment (production error pages,
/// no developer exception page). The weather API is the only thing faked: it is an outside boundary.
/// </summary>
public class NewsPortalFactory : WebApplicationFactory<Program>
{
    /// <summary>A site with the tests' defaults (<see cref="Settings"/>); the one public constructor, as xUnit's fixtures need.</summary>
    public NewsPortalFactory()
    {
    }

    /// <summary>A test class's own site: <paramref name="settings"/> put over the tests' defaults.</summary>
    protected NewsPortalFactory(params ReadOnlySpan<(string Key, string? Value)> settings) => WithSettings(settings);

    /// <summary>The SQLite file. Two factories on one file are two instances of one site.</summary>
    public string DatabasePath { get; init; } = Path.Combine(Path.GetTempPath(), $"newsportal-test-{Guid.NewGuid():N}.db");

    /// <summary>Configuration on top of appsettings.json, applied as the app starts.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        // Required outside Development; the test client's own address, so absolute URLs and redirects stay on it.
        ["Site:PublicUrl"] = "http://localhost",
        // Most tests post several comments from the one test-server "IP"; the limiter has its own tests.
        ["Comments:PostsPerMinutePerIp"] = "10000",
        ["SignIn:AttemptsPerMinutePerIp"] = "10000",
        ["SignIn:AttemptsPerQuarterHourPerAccount"] = "10000",
        ["Comments:MinSecondsToPost"] = "0",
        ["Serilog:MinimumLevel:Default"] = "Warning",
        ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Warning",
    };

    /// <summary>Puts <paramref name="settings"/> into <see cref="Settings"/>, each over any value already there.</summary>
    public NewsPortalFactory WithSettings(params ReadOnlySpan<(string Key, string? Value)> settings)
    {
        foreach (var (key, value) in settings)
        {
            Settings[key] = value;
        }

        return this;
    }

    public HttpMessageHandler WeatherHandler { get; set; } = FakeWeatherHandler.Returning(5.2, 3);

    /// <summary>Set to control the clock (publish times, form stamps).</summary>
    public TimeProvider? Time { get; set; }

    public string ConnectionString => $"Data Source={DatabasePath}";

    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>Added to the site's SQLite context, to hold, fail or count its commands at a moment a test chooses.</summary>
    public List<IInterceptor> DbInterceptors { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:NewsPortal", ConnectionString);
        // Generating and processing the sample photographs takes seconds; the tests that look at them turn it on.
        builder.UseSetting("Seed:SamplePhotos", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddTransient<IStartupFilter, PeerAddressStartupFilter>();
            services.AddHttpClient<OpenMeteoClient>().ConfigurePrimaryHttpMessageHandler(() => WeatherHandler);
            if (Time is not null)
            {
                services.AddSingleton(Time);
            }

            if (DbInterceptors.Count > 0)
            {
                services.ConfigureDbContext<SqliteNewsDbContext>(o => o.AddInterceptors(DbInterceptors));
            }

            ConfigureServices?.Invoke(services);
        });
    }

    /// <summary>
    /// Every test's site is built with the container's own checks on: every registration can be constructed
    /// (ValidateOnBuild), and nothing scoped is taken from the root provider or held by a singleton (ValidateScopes).
    /// A registration that only works because of the order of the Add* calls, or a scoped service captured by a
    /// singleton, fails every test here instead of one request in production.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.UseDefaultServiceProvider(options =>
        {
            options.ValidateOnBuild = true;
            options.ValidateScopes = true;
        });
        return base.CreateHost(builder);
    }

    /// <summary>
    /// Runs <paramref name="work"/> with a fresh scope's <see cref="NewsDbContext"/>, the site's own context: its
    /// saves reach the reader cache exactly as the site's do (through the interceptor), so nothing is emptied by
    /// hand here. Bulk statements (ExecuteUpdate/ExecuteDelete) bypass that, as they would in the site: follow them
    /// with <see cref="ForgetReaderCache"/>.
    /// </summary>
    public async Task<T> WithDbAsync<T>(Func<NewsDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<NewsDbContext>());
    }

    /// <summary>What a change made behind the site's back needs: every reader-cache version moves.</summary>
    public void ForgetReaderCache() => Services.GetRequiredService<ReaderCache>().Bump(ReaderChange.Articles);

    public Task WithDbAsync(Func<NewsDbContext, Task> work) =>
        WithDbAsync(async db =>
        {
            await work(db);
            return true;
        });

    /// <summary>
    /// The test server has no TCP connection, so no peer address. A request may name one in this header; the filter
    /// sets it as the connection's remote address before the site's pipeline runs, as Kestrel would.
    /// </summary>
    public const string PeerHeader = "X-Test-Peer-Address";

    private sealed class PeerAddressStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(PeerHeader, out var peer) && System.Net.IPAddress.TryParse(peer, out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                    context.Request.Headers.Remove(PeerHeader);
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>
    /// Serves the site on a loopback port of its own (Kestrel, for tests that need real sockets) and warms it up (views
    /// compiled, caches filled) so that a slow first request is not mistaken for anything: its address.
    /// </summary>
    public async Task<Uri> StartOnKestrelAsync()
    {
        UseKestrel(0);
        StartServer();
        using var client = new HttpClient { BaseAddress = ClientOptions.BaseAddress };
        await client.GetAsync(new Uri("/", UriKind.Relative));
        return ClientOptions.BaseAddress;
    }

    public HttpClient CreateNoRedirectClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(DatabasePath + suffix);
            }
        }
    }
}
