namespace NewsPortal.TopologyTests.TestSupport;

/// <summary>A comment row; <see cref="Status"/> is the name of the state the <c>Comments.Status</c> column holds ("Approved").</summary>
public sealed record StoredComment(int Id, string Status, string? IpAddress, string BodyHtml);

/// <summary>
/// The one SQLite file every instance uses, read behind the site's back to see which rows really exist. Connections
/// are not pooled, so the test run never holds the file open between queries.
/// </summary>
public sealed class SharedDatabase(string path)
{
    /// <summary>The site's comment states (its <c>CommentStatus</c>), indexed by the number the <c>Comments.Status</c> column stores.</summary>
    private static readonly string[] CommentStates = ["Pending", "Approved", "Spam", "Rejected", "Trash"];

    public string Path { get; } = path;

    /// <summary>What the site is given as <c>ConnectionStrings:NewsPortal</c>.</summary>
    public string SiteConnectionString => $"Data Source={Path}";

    private string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path,
        Mode = SqliteOpenMode.ReadWrite,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>Comments whose stored body contains <paramref name="text"/> (letters, digits and hyphens only).</summary>
    public async Task<IReadOnlyList<StoredComment>> CommentsContainingAsync(string text)
    {
        if (text.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-'))
        {
            throw new ArgumentException("Markers are letters, digits and hyphens, so LIKE needs no escaping.", nameof(text));
        }

        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Status, IpAddress, BodyHtml FROM Comments WHERE BodyHtml LIKE $pattern ORDER BY Id";
        command.Parameters.AddWithValue("$pattern", $"%{text}%");
        var comments = new List<StoredComment>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            comments.Add(new StoredComment(
                reader.GetInt32(0),
                CommentStates.ElementAtOrDefault(reader.GetInt32(1)) ?? $"unknown ({reader.GetInt32(1)})",
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3)));
        }

        return comments;
    }

    /// <summary>
    /// The markers stored comments carry that start with <paramref name="prefix"/>, once per comment: tests that post
    /// many comments mark each one (<c>prefix</c> plus letters, digits and hyphens) and count what was kept.
    /// </summary>
    public async Task<List<string>> MarkersAsync(string prefix)
    {
        var marker = new Regex(Regex.Escape(prefix) + @"[A-Za-z0-9-]*");
        return [.. (await CommentsContainingAsync(prefix)).Select(c => marker.Match(c.BodyHtml).Value)];
    }

    public async Task<int> ArticlesWithHeadlineAsync(string headline)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Articles WHERE Headline = $headline";
        command.Parameters.AddWithValue("$headline", headline);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
