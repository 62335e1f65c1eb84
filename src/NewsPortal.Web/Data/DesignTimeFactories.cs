namespace NewsPortal.Web.Data;

/// <summary>
/// Lets `dotnet ef` build the SQL Server context without a server or the app's configuration; migrations are
/// generated from the model, so no connection is ever opened.
/// </summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<NewsDbContext>
{
    public NewsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NewsDbContext>()
            .UseSqlServer("Server=(design-time);Database=NewsPortal;Trusted_Connection=True;TrustServerCertificate=True")
            .Options);
}

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteNewsDbContext>
{
    public SqliteNewsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteNewsDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .Options);
}
