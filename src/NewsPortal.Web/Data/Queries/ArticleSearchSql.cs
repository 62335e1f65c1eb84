namespace NewsPortal.Web.Data.Queries;

/// <summary>The reader search's filter as SQL both providers read: {0} is the match expression, {1} the time.</summary>
internal static class ArticleSearchSql
{
    /// <summary>Visible at <see cref="ArticleSearch.Now"/>, in the section and dates asked for; the parameters in order.</summary>
    public static (string Where, List<object> Parameters) Where(ArticleSearch search, string match)
    {
        var parameters = new List<object> { match, search.Now };
        var where = new StringBuilder(Domain.ArticleVisibility.Sql("a", "{1}"));
        if (search.SectionId is { } section)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND a.CategoryId = {{{parameters.Count}}}");
            parameters.Add(section);
        }

        if (search.FromUtc is { } from)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND a.PublishedAt >= {{{parameters.Count}}}");
            parameters.Add(from);
        }

        if (search.ToUtc is { } to)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND a.PublishedAt < {{{parameters.Count}}}");
            parameters.Add(to);
        }

        return (where.ToString(), parameters);
    }

    /// <summary>
    /// The body text the search table holds for <paramref name="ids"/> (markup already removed), the article's id being
    /// the table's <paramref name="idColumn"/>; both providers' <see cref="ISearchQueries.IndexedBodiesAsync"/>.
    /// </summary>
    public static async Task<Dictionary<int, string>> IndexedBodiesAsync(
        NewsDbContext db, string idColumn, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        var sql = $"SELECT {idColumn} AS Id, Body FROM ArticleSearch WHERE {idColumn} IN ({Placeholders(ids.Count)})";
        var rows = await db.Database.SqlQueryRaw<IndexedText>(sql, [.. ids.Cast<object>()]).ToListAsync(cancellationToken);
        return rows.DistinctBy(r => r.Id).ToDictionary(r => r.Id, r => r.Body);
    }

    /// <summary><c>{0}, {1}, …</c> for <paramref name="count"/> values.</summary>
    public static string Placeholders(int count) =>
        string.Join(", ", Enumerable.Range(0, count).Select(i => "{" + i.ToString(CultureInfo.InvariantCulture) + "}"));
}
