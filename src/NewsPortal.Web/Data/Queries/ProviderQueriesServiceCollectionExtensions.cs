namespace NewsPortal.Web.Data.Queries;

/// <summary>The provider's answer to each need of <c>Data/Queries</c>, registered with its context (Database:Provider).</summary>
public static class ProviderQueriesServiceCollectionExtensions
{
    public static IServiceCollection AddSqliteQueries(this IServiceCollection services)
    {
        services.AddSingleton<IDatabaseProbe, SqliteDatabaseProbe>();
        services.AddSingleton<IDatabaseJournal, SqliteDatabaseJournal>();
        services.AddSingleton<IBulkWriteConnection, SqliteBulkWriteConnection>();
        return services;
    }

    public static IServiceCollection AddSqlServerQueries(this IServiceCollection services)
    {
        services.AddSingleton<IDatabaseProbe, SqlServerDatabaseProbe>();
        services.AddSingleton<IDatabaseJournal, SqlServerDatabaseJournal>();
        services.AddSingleton<IBulkWriteConnection, SqlServerBulkWriteConnection>();
        return services;
    }
}
