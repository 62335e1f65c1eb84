namespace NewsPortal.UnitTests.Features.Search;

/// <summary>
/// SQL Server fills its full-text index after the commit, so a page of results found straight after a change may lack
/// it: such a page must not be kept for minutes. SQLite writes the index in the change's transaction.
/// </summary>
public sealed class SearchResultLifetimeTests
{
    [Fact]
    public void ResultLifetime_OnSqlServer_IsSeconds()
    {
        var lifetime = SearchService.ResultLifetime(DatabaseProvider.SqlServer);

        Assert.NotNull(lifetime);
        Assert.True(lifetime <= TimeSpan.FromSeconds(10), $"Search results are kept {lifetime} on SQL Server.");
    }

    [Fact]
    public void ResultLifetime_OnSqlite_IsTheReaderCachesOwn() =>
        Assert.Null(SearchService.ResultLifetime(DatabaseProvider.Sqlite));
}
