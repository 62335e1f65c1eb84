namespace NewsPortal.Web.Infrastructure.Database;

public static class DatabaseServiceCollectionExtensions
{
    public const string ConnectionStringName = "NewsPortal";

    /// <summary>
    /// Registers <see cref="NewsDbContext"/> for the configured provider. Everything else in the application
    /// depends on <see cref="NewsDbContext"/> only. Contexts are pooled: a request that touches the database
    /// (most do, if only through a service's constructor) rents a reset context instead of building a new one,
    /// which measured as a fifth of the article page's cost. Contexts carry no state of their own between uses.
    /// </summary>
    public static IServiceCollection AddNewsDatabase(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = ReadProvider(configuration);
        services.AddCheckedOptions<DatabaseOptions>(DatabaseOptions.SectionName);

        services.AddSingleton<SearchIndexInterceptor>();
        services.AddHostedService<SearchIndexCatchUpService>();

        services.AddSingleton<SqliteWriteGate>();

        // For services that need the context on some paths only (a comment thread served from the cache needs none).
        services.AddScoped(sp => new Lazy<NewsDbContext>(sp.GetRequiredService<NewsDbContext>));

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        switch (provider)
        {
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new StartupConfigurationException(
                        "Database:Provider is SqlServer but ConnectionStrings:NewsPortal is empty. " +
                        "Set ConnectionStrings__NewsPortal to a SQL Server connection string.");
                }

                services.AddDbContextPool<NewsDbContext>((sp, o) => o.UseSqlServer(
                        connectionString, sql => sql.EnableRetryOnFailure())
                    .AddInterceptors(sp.GetRequiredService<ReaderChangeInterceptor>(), sp.GetRequiredService<SearchIndexInterceptor>()));
                services.AddSingleton<Data.Queries.ISearchQueries, Data.Queries.SqlServer.SqlServerSearchQueries>();
                services.AddSqlServerQueries();
                break;

            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(connectionString, environment);
                services.AddDbContextPool<NewsDbContext, SqliteNewsDbContext>((sp, o) => o.UseSqlite(sqlite)
                    .AddInterceptors(
                        new Data.Queries.Sqlite.SqliteTuningInterceptor(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value),
                        sp.GetRequiredService<ReaderChangeInterceptor>(),
                        sp.GetRequiredService<SearchIndexInterceptor>()));
                services.AddSingleton<Data.Queries.ISearchQueries, Data.Queries.Sqlite.SqliteSearchQueries>();
                services.AddSqliteQueries();
                break;
        }

        return services;
    }

    private static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var value = configuration[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        if (Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider))
        {
            return provider;
        }

        throw new StartupConfigurationException(
            $"Database:Provider '{value}' is not supported. Use 'Sqlite' (the embedded default) or 'SqlServer'.");
    }

    /// <summary>
    /// The embedded default lives in App_Data under the content root, so a fresh clone needs no setup;
    /// a relative Data Source is resolved against the content root rather than the working directory.
    /// </summary>
    internal static string SqliteConnectionString(string? configured, IHostEnvironment environment)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/newsportal.db" : configured);

        var isFile = builder.Mode != SqliteOpenMode.Memory
            && !builder.DataSource.Equals(":memory:", StringComparison.OrdinalIgnoreCase)
            && !string.IsNullOrEmpty(builder.DataSource);
        if (isFile)
        {
            if (!Path.IsPathRooted(builder.DataSource))
            {
                builder.DataSource = Path.Combine(environment.ContentRootPath, builder.DataSource);
            }

            var folder = Path.GetDirectoryName(builder.DataSource)!;
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new StartupConfigurationException(
                    $"the database folder {folder} cannot be created ({ex.Message}). Create it and let the site's user write " +
                    "to it, or point ConnectionStrings__NewsPortal at a file in a folder it can write.", ex);
            }
        }

        // Shared cache is off: each connection has its own page cache and WAL gives readers concurrency.
        builder.Pooling = true;
        return builder.ToString();
    }
}
