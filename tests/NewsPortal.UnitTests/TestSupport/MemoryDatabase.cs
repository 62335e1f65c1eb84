namespace NewsPortal.UnitTests.TestSupport;

/// <summary>
/// A real SQLite database in memory, kept alive by one open connection, with the site's schema: for the primitives
/// that read a row or two (the reader cache's schedule check, the previous signing scheme's keys).
/// </summary>
internal sealed class MemoryDatabase : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public MemoryDatabase(params IInterceptor[] interceptors)
    {
        _connection.Open();
        var services = new ServiceCollection();
        services.AddDbContext<NewsDbContext, SqliteNewsDbContext>(o => o.UseSqlite(_connection).AddInterceptors(interceptors));
        Services = services.BuildServiceProvider();
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<NewsDbContext>().Database.EnsureCreated();
    }

    public ServiceProvider Services { get; }

    public IServiceScopeFactory Scopes => Services.GetRequiredService<IServiceScopeFactory>();

    public async Task WithDbAsync(Func<NewsDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<NewsDbContext>());
    }

    public void Dispose()
    {
        Services.Dispose();
        _connection.Dispose();
    }
}
