using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Web.Data;
using NewsPortal.Web.Infrastructure.Caching;
using NewsPortal.Web.Features.Weather;

namespace NewsPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The whole site on a real SQLite file of its own, in the Testing environment (production error pages,
/// no developer exception page). The weather API is the only thing faked: it is an outside boundary.
/// </summary>
public class NewsPortalFactory : WebApplicationFactory<Program>
{
    /// <summary>The SQLite file. Two factories on one file are two instances of one site.</summary>
    public string DatabasePath { get; init; } = Path.Combine(Path.GetTempPath(), $"newsportal-test-{Guid.NewGuid():N}.db");

    /// <summary>Configuration on top of appsettings.json, applied as the app starts.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        // Most tests post several comments from the one test-server "IP"; the limiter has its own tests.
        ["Comments:PostsPerMinutePerIp"] = "10000",
        ["Comments:MinSecondsToPost"] = "0",
        ["Serilog:MinimumLevel:Default"] = "Warning",
        ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Warning",
    };

    public HttpMessageHandler WeatherHandler { get; set; } = FakeWeatherHandler.Returning(5.2, 3);

    /// <summary>Set to control the clock (publish times, form stamps).</summary>
    public TimeProvider? Time { get; set; }

    public string ConnectionString => $"Data Source={DatabasePath}";

    public Action<IServiceCollection>? ConfigureServices { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:NewsPortal", ConnectionString);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddHttpClient<OpenMeteoClient>().ConfigurePrimaryHttpMessageHandler(() => WeatherHandler);
            if (Time is not null)
            {
                services.AddSingleton(Time);
            }

            ConfigureServices?.Invoke(services);
        });
    }

    /// <summary>
    /// Runs <paramref name="work"/> with a fresh scope's <see cref="NewsDbContext"/>. Tests use it to arrange
    /// data behind the site's back, so the reader cache is emptied afterwards, as the site does after its own writes.
    /// </summary>
    public async Task<T> WithDbAsync<T>(Func<NewsDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await work(scope.ServiceProvider.GetRequiredService<NewsDbContext>());
        await scope.ServiceProvider.GetRequiredService<ReaderCache>().EverythingChangedAsync(CancellationToken.None);
        return result;
    }

    public Task WithDbAsync(Func<NewsDbContext, Task> work) =>
        WithDbAsync(async db =>
        {
            await work(db);
            return true;
        });

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
