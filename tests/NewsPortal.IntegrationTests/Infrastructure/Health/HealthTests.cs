namespace NewsPortal.IntegrationTests.Infrastructure.Health;

public sealed class HealthTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private readonly NewsPortalFactory _factory = factory;

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/healthz/ready")]
    public async Task Get_HealthyApp_Returns200(string url)
    {
        var response = await _factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_Ready_WhenTheDatabaseCannotBeOpened_Returns503ButLivenessStays200()
    {
        using var factory = new BrokenDatabaseFactory();
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Get_Ready_WhenTheDatabaseCanBeReadButNotWritten_Returns503()
    {
        // A copy of a real database that answers; this instance opens it read-only, so every write it tried would fail.
        // (A copy: disposing a factory deletes its database file, which must not be the shared fixture's.)
        await _factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);"));
        var copy = Path.Combine(Path.GetTempPath(), $"newsportal-readonly-{Guid.NewGuid():N}.db");
        File.Copy(_factory.DatabasePath, copy);
        using var readOnly = new NewsPortalFactory { DatabasePath = copy };
        readOnly.Settings["Database:MigrateOnStartup"] = "false";
        readOnly.Settings["ConnectionStrings:NewsPortal"] = $"Data Source={copy};Mode=ReadOnly";
        var client = readOnly.CreateClient();

        var ready = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Get_Ready_WhileAnotherProcessHoldsTheWriteLock_AnswersDegradedWithoutWaitingForTheLock()
    {
        // Writers here would wait two minutes for the lock (the most allowed); readiness must answer while it is still held.
        using var factory = new NewsPortalFactory();
        factory.Settings["Database:WriteWaitSeconds"] = "120";
        var client = factory.CreateClient();
        await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        await using var other = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await other.OpenAsync();
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }

        var probe = client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        var answered = await Task.WhenAny(probe, Task.Delay(ReadyBound)) == probe;

        Assert.True(answered, $"Readiness had not answered {ReadyBound.TotalSeconds} s into a held write lock: it waits for the lock as a writer would.");
        var ready = await probe;
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());
    }

    /// <summary>How long the test waits for readiness before calling it stuck behind the lock (writers would wait 120 s).</summary>
    private static readonly TimeSpan ReadyBound = TimeSpan.FromSeconds(60);

    private sealed class BrokenDatabaseFactory : NewsPortalFactory
    {
        public BrokenDatabaseFactory()
        {
            Settings["Database:MigrateOnStartup"] = "false";
        }

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:NewsPortal", $"Data Source={Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "x.db")};Mode=ReadOnly");
        }
    }
}
