namespace NewsPortal.Web.Data;

public static partial class DatabaseInitializer
{
    /// <summary>
    /// Brings the database to the current migration (never EnsureCreated, so production and development follow
    /// the same path), tunes SQLite for a web server, then seeds the sample content into an empty database.
    /// With Database:MigrateOnStartup off, the database is taken as the operator left it. Rows the search index lacks
    /// (after the AddSearchIndex migration on an existing database, however it was applied) are indexed afterwards
    /// by <see cref="SearchIndexCatchUpService"/>, in the background either way.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<NewsDbContext>();
        var journal = services.GetRequiredService<Queries.IDatabaseJournal>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        if (!services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            return;
        }

        try
        {
            await journal.UseWriteAheadLogAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            // Only SQLite throws this: the file named in the connection string cannot be opened or written.
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            throw new StartupConfigurationException(
                $"the SQLite database {file} cannot be opened and written ({ex.Message}). The site's user needs write access to " +
                "the file and its folder (SQLite creates -wal and -shm files beside it).", ex);
        }

        // Each step in a scope (and a context) of its own: instances starting together on a new database race on
        // unique indexes, and a row that lost such a race must not stay tracked into the next step's save.
        await InScopeAsync(app, s => s.GetRequiredService<StaffBootstrapper>().EnsureAsync());

        var seed = services.GetRequiredService<IOptions<SeedOptions>>().Value;
        if (seed.SampleContent)
        {
            var added = 0;
            await InScopeAsync(app, async s => added = await s.GetRequiredService<SampleContentSeeder>().SeedAsync(cancellationToken));
            if (added > 0)
            {
                LogSeeded(logger, added);
                if (seed.SamplePhotos)
                {
                    await InScopeAsync(app, async s => LogPhotos(logger, await s.GetRequiredService<SamplePhotoSeeder>().SeedAsync(cancellationToken)));
                }
            }

            await InScopeAsync(app, s => s.GetRequiredService<SampleReporterSeeder>().EnsureAsync());
        }
    }

    private static async Task InScopeAsync(WebApplication app, Func<IServiceProvider, Task> step)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await step(scope.ServiceProvider);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Added {Count} generated sample photographs through the media pipeline")]
    private static partial void LogPhotos(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Empty database: added {Count} sample articles")]
    private static partial void LogSeeded(ILogger logger, int count);
}
