namespace NewsPortal.Web.Infrastructure.Search;

/// <summary>Runs the index's SQL: through EF's command pipeline in the site, plain ADO.NET in the data loader.</summary>
public interface ISearchSqlRunner
{
    /// <summary>SQL with <c>{0}</c>, <c>{1}</c>… where the parameters go.</summary>
    Task<List<object?[]>> QueryAsync(string sql, IReadOnlyList<object> parameters, CancellationToken cancellationToken);

    Task ExecuteAsync(string sql, IReadOnlyList<object> parameters, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in a transaction (or in the one the runner already has).</summary>
    Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken);
}

/// <summary>
/// Writes the search index: the tables <c>ArticleSearch</c> (headline, standfirst, body text, tags, section and
/// byline of every article, drafts included, for the newsroom), <c>CommentSearch</c> (the text of every comment) and
/// <c>CommentAuthorSearch</c> (who wrote it: name, e-mail address and IP address, for the moderation queue). They live outside the EF model, created by the AddSearchIndex and
/// CommentSearchWho migrations: FTS5 tables keyed by rowid
/// on SQLite, plain tables with a full-text index on SQL Server. A row is rebuilt from the database's own rows
/// (so tags, section and byline are whatever was just saved) and from the HTML with its markup removed in C#,
/// which SQL cannot do reliably; that is why the app, not a trigger, fills the index.
/// </summary>
public sealed class SearchIndexWriter(ISearchSqlRunner sql, ISearchIndexDialect dialect)
{
    /// <summary>Ids per statement: far below SQLite's and SQL Server's (2,100) parameter limits.</summary>
    public const int Batch = 250;

    private readonly ISearchSqlRunner _sql = sql;
    private readonly string _articleKey = dialect.ArticleKey;
    private readonly string _commentKey = dialect.CommentKey;

    public async Task RefreshArticlesAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        foreach (var batch in ids.Distinct().Order().Chunk(Batch))
        {
            var rows = await _sql.QueryAsync(
                "SELECT a.Id, a.Headline, a.Standfirst, a.BodyHtml, c.Name, u.Name FROM Articles a " +
                "INNER JOIN Categories c ON c.Id = a.CategoryId INNER JOIN Authors u ON u.Id = a.AuthorId " +
                $"WHERE a.Id IN ({Placeholders(0, batch.Length)})",
                Boxed(batch), cancellationToken);
            var tags = await _sql.QueryAsync(
                $"SELECT x.ArticleId, t.Name FROM ArticleTag x INNER JOIN Tags t ON t.Id = x.TagId WHERE x.ArticleId IN ({Placeholders(0, batch.Length)})",
                Boxed(batch), cancellationToken);
            var tagsOf = tags.GroupBy(t => Convert.ToInt32(t[0], CultureInfo.InvariantCulture))
                .ToDictionary(g => g.Key, g => string.Join(' ', g.Select(t => Text(t[1]))));

            await _sql.ExecuteAsync($"DELETE FROM ArticleSearch WHERE {_articleKey} IN ({Placeholders(0, batch.Length)})", Boxed(batch), cancellationToken);
            foreach (var chunk in rows.Chunk(50))
            {
                var values = new List<object>();
                var sql = new StringBuilder($"INSERT INTO ArticleSearch ({_articleKey}, Headline, Standfirst, Body, Tags, Section, Byline) VALUES ");
                foreach (var row in chunk)
                {
                    var id = Convert.ToInt32(row[0], CultureInfo.InvariantCulture);
                    sql.Append(values.Count == 0 ? "(" : ", (").Append(Placeholders(values.Count, 7)).Append(')');
                    values.AddRange(
                    [
                        id, Text(row[1]), Text(row[2]), SearchText.FromHtml(Text(row[3])), tagsOf.GetValueOrDefault(id, string.Empty),
                        Text(row[4]), Text(row[5]),
                    ]);
                }

                await _sql.ExecuteAsync(sql.ToString(), values, cancellationToken);
            }
        }
    }

    public async Task RefreshCommentsAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        foreach (var batch in ids.Distinct().Order().Chunk(Batch))
        {
            var rows = await _sql.QueryAsync(
                $"SELECT Id, BodyHtml, AuthorName, AuthorEmail, IpAddress FROM Comments WHERE Id IN ({Placeholders(0, batch.Length)})",
                Boxed(batch), cancellationToken);
            await _sql.ExecuteAsync($"DELETE FROM CommentSearch WHERE {_commentKey} IN ({Placeholders(0, batch.Length)})", Boxed(batch), cancellationToken);
            await _sql.ExecuteAsync($"DELETE FROM CommentAuthorSearch WHERE {_commentKey} IN ({Placeholders(0, batch.Length)})", Boxed(batch), cancellationToken);
            foreach (var chunk in rows.Chunk(100))
            {
                var text = new List<object>();
                var who = new List<object>();
                var textSql = new StringBuilder($"INSERT INTO CommentSearch ({_commentKey}, Body) VALUES ");
                var whoSql = new StringBuilder($"INSERT INTO CommentAuthorSearch ({_commentKey}, Name, Email, Ip) VALUES ");
                foreach (var row in chunk)
                {
                    var id = Convert.ToInt32(row[0], CultureInfo.InvariantCulture);
                    textSql.Append(text.Count == 0 ? "(" : ", (").Append(Placeholders(text.Count, 2)).Append(')');
                    text.AddRange([id, SearchText.FromHtml(Text(row[1]))]);
                    whoSql.Append(who.Count == 0 ? "(" : ", (").Append(Placeholders(who.Count, 4)).Append(')');
                    who.AddRange([id, Text(row[2]), Text(row[3]), Text(row[4])]);
                }

                await _sql.ExecuteAsync(textSql.ToString(), text, cancellationToken);
                await _sql.ExecuteAsync(whoSql.ToString(), who, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Blanks the IP address of these comments in <c>CommentAuthorSearch</c> and leaves the rest of each row: the
    /// retention job's clearing, which changes nothing else and may cover a million old comments on its first run.
    /// </summary>
    public async Task ForgetIpAddressesAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        foreach (var batch in ids.Distinct().Order().Chunk(Batch))
        {
            await _sql.ExecuteAsync(
                $"UPDATE CommentAuthorSearch SET Ip = '' WHERE {_commentKey} IN ({Placeholders(0, batch.Length)}) AND Ip <> ''", Boxed(batch), cancellationToken);
        }
    }

    /// <summary>The articles whose index rows name a section, author or tag that was renamed.</summary>
    public async Task<List<int>> ArticlesOfAsync(string column, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var found = new List<int>();
        foreach (var batch in ids.Chunk(Batch))
        {
            var sql = column == "TagId"
                ? $"SELECT ArticleId FROM ArticleTag WHERE TagId IN ({Placeholders(0, batch.Length)})"
                : $"SELECT Id FROM Articles WHERE {(column == "CategoryId" ? "CategoryId" : "AuthorId")} IN ({Placeholders(0, batch.Length)})";
            var rows = await _sql.QueryAsync(sql, Boxed(batch), cancellationToken);
            found.AddRange(rows.Select(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture)));
        }

        return found;
    }

    /// <summary>
    /// Indexes every article and comment that has no index row: after the AddSearchIndex migration on an existing
    /// database (applied at start-up or by script), and after a bulk load. Rows the site saves are indexed in their
    /// own transaction, so on an ordinary start this reads every id once and writes nothing. The index itself is the
    /// record of progress: each batch commits its rows, so a process stopped half-way leaves the rest missing, and
    /// the next run finds and indexes exactly those. Safe with several instances at once: each batch re-reads which
    /// of its rows are still missing inside its transaction, which on SQL Server first takes an exclusive
    /// application lock (sp_getapplock, released at commit), so two instances never insert the same key; on SQLite
    /// the write transaction itself serialises them. The site's own saves do not take the lock: on SQL Server a save
    /// of a row still missing, committing between a batch's re-check and its insert, fails one of the two on the key
    /// (the batch is redone on the job's next try; an article save retries a unique violation), only while the
    /// catch-up has work to do. <paramref name="turn"/> waits for this process's turn to write
    /// (the SQLite write gate), so the job queues behind the site's own writes instead of blocking a thread in SQLite.
    /// </summary>
    public async Task<(int Articles, int Comments)> CatchUpAsync(
        Func<CancellationToken, Task<IDisposable>>? turn, CancellationToken cancellationToken)
    {
        var articles = await CatchUpAsync("Articles", "ArticleSearch", _articleKey, RefreshArticlesAsync, turn, cancellationToken);
        var comments = await CatchUpAsync("Comments", "CommentSearch", _commentKey, RefreshCommentsAsync, turn, cancellationToken);
        return (articles, comments);
    }

    /// <inheritdoc cref="CatchUpAsync(Func{CancellationToken, Task{IDisposable}}?, CancellationToken)"/>
    public Task<(int Articles, int Comments)> CatchUpAsync(CancellationToken cancellationToken) => CatchUpAsync(null, cancellationToken);

    /// <summary>The application lock that serialises catch-up batches between instances on SQL Server.</summary>
    internal const string CatchUpLock = "NewsPortal.SearchIndexCatchUp";

    private async Task<int> CatchUpAsync(
        string table, string index, string key, Func<IEnumerable<int>, CancellationToken, Task> refresh,
        Func<CancellationToken, Task<IDisposable>>? turn, CancellationToken cancellationToken)
    {
        var missing = $"NOT EXISTS (SELECT 1 FROM {index} s WHERE s.{key} = t.Id)";
        var next = dialect.FirstIdsAbove(table, missing, Batch * 40);
        var count = 0;
        var last = 0;
        while (true)
        {
            var ids = Ids(await _sql.QueryAsync(next, [last], cancellationToken));
            // Ids come back ascending and above the last; a walk that did not move forward would never end.
            if (ids.Count == 0 || ids[^1] <= last)
            {
                return count;
            }

            foreach (var batch in ids.Chunk(Batch))
            {
                using (turn is null ? null : await turn(cancellationToken))
                {
                    var written = 0;
                    await _sql.InTransactionAsync(
                        async () =>
                        {
                            if (dialect.CatchUpLockSql is { } lockSql)
                            {
                                await TakeCatchUpLockAsync(lockSql, cancellationToken);
                            }

                            // Another instance, or a save of the row itself, may have indexed some of them meanwhile.
                            var still = Ids(await _sql.QueryAsync(
                                $"SELECT t.Id FROM {table} t WHERE t.Id IN ({Placeholders(0, batch.Length)}) AND {missing}",
                                Boxed(batch), cancellationToken));
                            await refresh(still, cancellationToken);
                            written = still.Count;
                        },
                        cancellationToken);
                    count += written;
                }
            }

            last = ids[^1];
        }
    }

    /// <summary>
    /// Waits for the exclusive catch-up lock (SQL Server: up to a minute), owned by the current transaction. Not granted
    /// in time: the batch fails, and the job tries again later.
    /// </summary>
    private async Task TakeCatchUpLockAsync(string lockSql, CancellationToken cancellationToken)
    {
        var result = await _sql.QueryAsync(lockSql, [CatchUpLock], cancellationToken);
        if (result.Count == 0 || Convert.ToInt32(result[0][0], CultureInfo.InvariantCulture) < 0)
        {
            throw new TimeoutException("Another instance held the search index's catch-up lock for a minute; the catch-up tries again later.");
        }
    }

    private static List<int> Ids(List<object?[]> rows) => rows.Select(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture)).ToList();

    private static string Text(object? value) => value as string ?? string.Empty;

    private static object[] Boxed(int[] ids) => ids.Cast<object>().ToArray();

    private static string Placeholders(int first, int count) =>
        string.Join(", ", Enumerable.Range(first, count).Select(i => "{" + i.ToString(CultureInfo.InvariantCulture) + "}"));
}
