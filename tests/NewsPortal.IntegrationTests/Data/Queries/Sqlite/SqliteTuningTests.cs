namespace NewsPortal.IntegrationTests.Data.Queries.Sqlite;

/// <summary>The per-connection settings every connection of the site's context gets (SqliteTuningInterceptor).</summary>
public sealed class SqliteTuningTests
{
    [Fact]
    public async Task ByDefault_NoMemoryMap_TheDocumentedBusyTimeout_AndNormalSync()
    {
        await using var factory = new NewsPortalFactory();

        Assert.Equal(0, await PragmaAsync(factory, "mmap_size"));
        Assert.Equal(5000, await PragmaAsync(factory, "busy_timeout"));
        Assert.Equal(1, await PragmaAsync(factory, "synchronous"));
    }

    [Fact]
    public async Task MemoryMapMegabytes_IsEveryConnectionsMmapSize()
    {
        await using var factory = new NewsPortalFactory();
        factory.Settings["Database:SqliteMemoryMapMegabytes"] = "64";

        Assert.Equal(64L * 1024 * 1024, await PragmaAsync(factory, "mmap_size"));
    }

    private static Task<long> PragmaAsync(NewsPortalFactory factory, string pragma) => factory.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + pragma;
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), CultureInfo.InvariantCulture);
    });
}
