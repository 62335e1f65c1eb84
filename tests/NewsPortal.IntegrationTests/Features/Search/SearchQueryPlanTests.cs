namespace NewsPortal.IntegrationTests.Features.Search;

/// <summary>The bundled SQLite's plans for the search queries read their indexes first.</summary>
public sealed class SearchQueryPlanTests(SearchTestBase.Factory factory) : SearchTestBase(factory), IClassFixture<SearchTestBase.Factory>
{
    /// <summary>
    /// On 100,000 articles the planner of the bundled SQLite started a section search from the section's articles and
    /// asked the full-text index about each one (seconds per search); the candidates query must read the index first,
    /// and each candidate's visibility, section and ranked columns from the narrow ranking index, not the article's row.
    /// </summary>
    [Fact]
    public async Task SqliteCandidatesQueries_WithASectionFilter_ReadTheIndexBeforeTheArticles()
    {
        const string where = "a.Status <> 0 AND a.PublishedAt <= {1} AND a.CategoryId = {2}";
        foreach (var sql in new[]
        {
            NewsPortal.Web.Data.Queries.Sqlite.SqliteSearchQueries.CandidatesSql(where),
            NewsPortal.Web.Data.Queries.Sqlite.SqliteSearchQueries.RankingCandidatesSql(where),
        })
        {
            var plan = await PlanAsync(sql, "\"council\"", DateTime.UtcNow, 1);

            var scan = plan.FindIndex(step => step.StartsWith("SCAN ArticleSearch", StringComparison.Ordinal));
            Assert.True(scan >= 0 && scan + 1 < plan.Count, string.Join(" | ", plan));
            Assert.DoesNotContain(plan.Take(scan), step => step.Contains("Articles", StringComparison.Ordinal) || step.StartsWith("SEARCH a", StringComparison.Ordinal));
            Assert.StartsWith("SEARCH a USING COVERING INDEX IX_Articles_SearchRanking (Id=?)", plan[scan + 1], StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The moderation queue's search reads the comment index first, in id order, and checks each hit's status in the
    /// small status index rather than the comment's own row (on 1,000,000 comments the planner picks the row).
    /// </summary>
    [Fact]
    public async Task SqliteQueueSearchQuery_ReadsTheIndexFirst_AndChecksTheStatusInItsIndex()
    {
        foreach (var index in new[] { "CommentSearch", "CommentAuthorSearch" })
        {
            var plan = await PlanAsync(NewsPortal.Web.Data.Queries.Sqlite.SqliteSearchQueries.CommentQueueSql(index, null, "DESC"), "\"river\"", 1, 1001);

            Assert.True(plan.Count == 2, string.Join(" | ", plan));
            Assert.StartsWith("SCAN s VIRTUAL TABLE", plan[0], StringComparison.Ordinal);
            Assert.Contains("SEARCH c USING COVERING INDEX IX_Comments_Status", plan[1], StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The newsroom's search: the slug by a range on its index, each match's status from IX_Articles_Status when
    /// counting, and, past the count limit, a page that walks the (Status, ListedAt) index in order instead of sorting
    /// every match.
    /// </summary>
    [Fact]
    public async Task SqliteNewsroomSearchQueries_UseTheSlugStatusAndListedAtIndexes()
    {
        var matches = NewsPortal.Web.Data.Queries.Sqlite.SqliteSearchQueries.NewsroomMatchesSql(text: true, slug: true);
        object[] values = ["\"river\"", "river", "river\uffff", (int)ArticleStatus.Published];

        var count = await PlanAsync(NewsPortal.Web.Data.Queries.Sqlite.SqliteSearchQueries.NewsroomCountSql(matches, status: true), [.. values, 1001]);
        // Past the count limit, with and without a status: the ListedAt indexes walked in order, stopping after a page.
        // (Without a status the + is what makes SQLite walk: without it, it looks each match up and sorts them all. With
        // a status this small database walks the index either way.)
        var walk = await PlanAsync(NewsPortal.Web.Data.Queries.Sqlite.SqliteSearchQueries.NewsroomPageSql(matches, status: false, walkListedAt: true), [.. values, 25, 0], topLevelOnly: true);
        var walkStatus = await PlanAsync(NewsPortal.Web.Data.Queries.Sqlite.SqliteSearchQueries.NewsroomPageSql(matches, status: true, walkListedAt: true), [.. values, 25, 0], topLevelOnly: true);

        Assert.Contains(count, step => step.Contains("SEARCH Articles USING COVERING INDEX IX_Articles_Slug (Slug>? AND Slug<?)", StringComparison.Ordinal));
        Assert.Contains(count, step => step.Contains("SEARCH a USING COVERING INDEX IX_Articles_Status (Status=? AND rowid=?)", StringComparison.Ordinal));
        Assert.Equal(["SCAN a USING INDEX IX_Articles_ListedAt", "LIST SUBQUERY 2"], walk);
        Assert.Equal(["SEARCH a USING INDEX IX_Articles_Status_ListedAt (Status=?)", "LIST SUBQUERY 2"], walkStatus);
    }

    /// <summary>The bundled SQLite's plan for <paramref name="sql"/> ({0}, {1}… as the site writes it), one line per step.</summary>
    private Task<List<string>> PlanAsync(string sql, params object[] values) => PlanAsync(sql, values, topLevelOnly: false);

    /// <summary>The plan, or with <paramref name="topLevelOnly"/> only the outermost query's own steps.</summary>
    private Task<List<string>> PlanAsync(string sql, object[] values, bool topLevelOnly) => _factory.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        for (var i = 0; i < values.Length; i++)
        {
            var name = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            command.CommandText = command.CommandText.Replace("{" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}", name, StringComparison.Ordinal);
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = values[i];
            command.Parameters.Add(parameter);
        }

        var details = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            if (!topLevelOnly || reader.GetInt32(reader.GetOrdinal("parent")) == 0)
            {
                details.Add(reader.GetString(reader.GetOrdinal("detail")));
            }
        }

        return details;
    });
}
