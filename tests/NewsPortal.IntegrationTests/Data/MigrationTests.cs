namespace NewsPortal.IntegrationTests.Data;

/// <summary>
/// SQL Server cannot run here, so it is proved offline: the SQL Server migrations are current and their
/// idempotent script is valid T-SQL. The SQLite set is held to the same standard.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public void SqlServerContext_HasNoPendingModelChanges()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run the SQL Server 'dotnet ef migrations add' command in CONTRIBUTING.md.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void SqliteContext_HasNoPendingModelChanges()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run the SQLite 'dotnet ef migrations add' command in CONTRIBUTING.md.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void BothProviders_HaveTheSameMigrationsByName()
    {
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);
        Assert.Equal(Names(sqlServer), Names(sqlite));
    }

    [Fact]
    public void SqlServerIdempotentScript_ParsesAsTSqlWithZeroErrors()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var (fragment, errors) = TSql.Parse(script);

        Assert.Empty(errors);
        var tables = new CreateTableCounter();
        fragment.Accept(tables);
        Assert.True(tables.Count >= 10, $"Expected the schema's tables, found {tables.Count} CREATE TABLE statements.");
        Assert.All(
            [
                "CREATE TABLE [Articles]",
                "CREATE UNIQUE INDEX [IX_Articles_Slug]",
                "CREATE FULLTEXT INDEX ON [ArticleSearch]",
                "CREATE FULLTEXT INDEX ON [CommentSearch]",
                "CREATE FULLTEXT INDEX ON [CommentAuthorSearch] ([Name], [Email], [Ip])",
            ],
            statement => Assert.Contains(statement, script, StringComparison.Ordinal));
    }

    /// <summary>The idempotent script wraps each statement in EXEC(N'...'), which the parser does not look into; this one is plain.</summary>
    [Fact]
    public void SqlServerMigrationScript_EveryStatementParsesAsTSql()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Empty(TSql.Parse(script).Errors);
        Assert.Contains("INSERT INTO [CommentAuthorSearch] ([CommentId], [Name], [Email], [Ip])", script, StringComparison.Ordinal);
    }

    [Fact]
    public void SqlServerCreateScript_ParsesAsTSqlWithZeroErrors()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        Assert.Empty(TSql.Parse(db.Database.GenerateCreateScript()).Errors);
    }

    private sealed class CreateTableCounter : TSqlFragmentVisitor
    {
        public int Count { get; private set; }

        public override void Visit(CreateTableStatement node) => Count++;
    }
}
