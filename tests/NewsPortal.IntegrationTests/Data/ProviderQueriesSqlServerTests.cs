namespace NewsPortal.IntegrationTests.Data;

/// <summary>
/// The SQL Server side of the provider-specific needs other than search (<see cref="IDatabaseProbe"/>,
/// <see cref="IDatabaseJournal"/>, <see cref="IBulkWriteConnection"/>): on Database:Provider=SqlServer with no server
/// behind it, each is the SQL Server implementation and sends the server nothing, so none of SQLite's statements
/// (PRAGMA, BEGIN IMMEDIATE) can reach it, and the readiness check stays ready.
/// </summary>
public sealed class ProviderQueriesSqlServerTests(SqlServerQueryTests.SqlServerFactory factory) : IClassFixture<SqlServerQueryTests.SqlServerFactory>
{
    [Fact]
    public async Task ReadinessCheck_OnSqlServer_WritableWithoutSqliteStatements()
    {
        var client = factory.CreateClient();
        var probe = factory.Services.GetRequiredService<IDatabaseProbe>();
        Assert.IsType<SqlServerDatabaseProbe>(probe);
        factory.Capture.Commands.Clear();

        var response = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var state = await probe.WriteStateAsync(scope.ServiceProvider.GetRequiredService<NewsDbContext>(), TestContext.Current.CancellationToken);
            Assert.Equal(DatabaseWriteKind.Writable, state.Kind);
        }

        var commands = factory.Capture.Commands.Distinct().ToList();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/healthz/ready: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        AssertNoSqliteStatement(commands);
    }

    /// <summary>Runs <paramref name="work"/> on a context of its own and asserts that nothing was sent on that context.</summary>
    private async Task AssertSendsNothingAsync(Func<NewsDbContext, Task> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        // The context comes from a pool that the site's background jobs use too: only what is sent from here on counts.
        var before = factory.Capture.CommandsByContext.Count;

        await work(db);

        Assert.DoesNotContain(factory.Capture.CommandsByContext.Skip(before), sent => ReferenceEquals(sent.Context, db));
    }

    [Fact]
    public async Task Journal_OnSqlServer_SendsNothing()
    {
        var journal = factory.Services.GetRequiredService<IDatabaseJournal>();
        Assert.IsType<SqlServerDatabaseJournal>(journal);

        await AssertSendsNothingAsync(db => journal.UseWriteAheadLogAsync(db, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task BulkWriteConnection_OnSqlServer_TunesNothingAndHoldsNothing()
    {
        var bulkWrites = factory.Services.GetRequiredService<IBulkWriteConnection>();
        Assert.IsType<SqlServerBulkWriteConnection>(bulkWrites);

        await AssertSendsNothingAsync(async db =>
        {
            await using (await bulkWrites.HoldAsync(db, TestContext.Current.CancellationToken))
            {
                // EF keeps opening and closing the connection itself: nothing is held across the batches.
                Assert.Equal(System.Data.ConnectionState.Closed, db.Database.GetDbConnection().State);
            }
        });
    }

    private static void AssertNoSqliteStatement(List<string> commands)
    {
        foreach (var sql in commands)
        {
            Assert.False(
                sql.Contains("PRAGMA", StringComparison.OrdinalIgnoreCase) || sql.Contains("BEGIN IMMEDIATE", StringComparison.OrdinalIgnoreCase),
                $"A SQLite statement was sent to SQL Server:\n{sql}");
        }
    }
}
