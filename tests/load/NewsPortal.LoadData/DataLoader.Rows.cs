namespace NewsPortal.LoadData;

/// <summary>The rows themselves: the prepared inserts and the numbers that shape them.</summary>
internal sealed partial class DataLoader
{
    private const string InsertCategorySql =
        "INSERT INTO Categories (Id, Name, Slug, Position) VALUES ($id, $name, $slug, $position);";

    private const string InsertAuthorSql =
        "INSERT INTO Authors (Id, Name, Slug, Bio, IsRetired) VALUES ($id, $name, $slug, $bio, 0);";

    private const string InsertTagSql =
        "INSERT INTO Tags (Id, Name, Slug) VALUES ($id, $name, $slug);";

    private const string InsertArticleSql =
        "INSERT INTO Articles (Id, Slug, Headline, Standfirst, BodyHtml, HeroImageUrl, HeroImageAlt, HeroImageCaption, " +
        "Status, PublishedAt, UpdatedAt, CreatedAt, CommentsOpen, AuthorId, CategoryId) " +
        "VALUES ($id, $slug, $headline, $standfirst, $body, $heroUrl, $heroAlt, $heroCaption, " +
        "$status, $publishedAt, NULL, $createdAt, 1, $authorId, $categoryId);";

    private const string InsertArticleTagSql =
        "INSERT INTO ArticleTag (ArticleId, TagId) VALUES ($articleId, $tagId);";

    private const string InsertCommentSql =
        "INSERT INTO Comments (ArticleId, ParentId, AuthorName, AuthorEmail, BodyHtml, Status, StatusReason, CreatedAt, " +
        "IpAddress, UserAgent, IsStaffReply, DedupeKey, Version) " +
        "VALUES ($articleId, NULL, $name, $email, $body, $status, NULL, $createdAt, $ip, $userAgent, 0, NULL, 0);";

    private void InsertCategories()
    {
        using var command = Prepare(InsertCategorySql,
            ("$id", SqliteType.Integer), ("$name", SqliteType.Text), ("$slug", SqliteType.Text), ("$position", SqliteType.Integer));
        for (var i = 0; i < CategoryNames.Length; i++)
        {
            Run(command, i + 1, CategoryNames[i].Name, CategoryNames[i].Slug, i);
        }
    }

    private int InsertAuthors(int count)
    {
        using var command = Prepare(InsertAuthorSql,
            ("$id", SqliteType.Integer), ("$name", SqliteType.Text), ("$slug", SqliteType.Text), ("$bio", SqliteType.Text));
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (names.Count < count)
        {
            names.Add($"{_text.FirstName()} {_text.LastName()}");
        }

        var id = 1;
        foreach (var name in names)
        {
            Run(command, id++, name, Slugs.From(name), $"{name} {_text.Standfirst().ToLowerInvariant()}");
        }

        return count;
    }

    private int InsertTags(int count)
    {
        using var command = Prepare(InsertTagSql, ("$id", SqliteType.Integer), ("$name", SqliteType.Text), ("$slug", SqliteType.Text));
        var names = new List<string>(TextGenerator.Topics);
        var seen = new HashSet<string>(names, StringComparer.Ordinal);
        while (names.Count < count)
        {
            var name = $"{TextGenerator.Topics[_random.Next(TextGenerator.Topics.Count)]} {TextGenerator.TopicQualifiers[_random.Next(TextGenerator.TopicQualifiers.Count)]}";
            if (seen.Add(name))
            {
                names.Add(name);
            }
        }

        for (var i = 0; i < count; i++)
        {
            Run(command, i + 1, names[i], Slugs.From(names[i]));
        }

        return count;
    }

    /// <summary>A pool of readers who comment; a few are prolific, most post rarely.</summary>
    private void BuildCommenters()
    {
        _commenters = new (string, string, string)[CommenterPoolSize];
        for (var i = 0; i < CommenterPoolSize; i++)
        {
            var first = _text.FirstName();
            var last = _text.LastName();
            var email = $"{first}.{last}.{i.ToString(CultureInfo.InvariantCulture)}@example.com".ToLowerInvariant();
            var ip = $"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}";
            _commenters[i] = ($"{first} {last}", email, ip);
        }
    }

    private void InsertArticle(int id, string slug, string headline, int categoryId, int authorId, DateTime publishedAt, bool withImage)
    {
        var p = _article.Parameters;
        p[0].Value = id;
        p[1].Value = slug;
        p[2].Value = headline;
        p[3].Value = _text.Standfirst();
        p[4].Value = _text.ArticleBody();
        if (withImage)
        {
            var image = HeroImages[_random.Next(HeroImages.Length)];
            p[5].Value = $"/images/articles/{image}.svg";
            p[6].Value = $"Illustration for the story: {image.Replace('-', ' ')}";
            p[7].Value = "Illustration: NewsPortal";
        }
        else
        {
            p[5].Value = DBNull.Value;
            p[6].Value = DBNull.Value;
            p[7].Value = DBNull.Value;
        }

        p[8].Value = (int)ArticleStatus.Published;
        p[9].Value = publishedAt;
        p[10].Value = publishedAt - TimeSpan.FromMinutes(_random.Next(10, 48 * 60));
        p[11].Value = authorId;
        p[12].Value = categoryId;
        _article.ExecuteNonQuery();
        _stats.Articles++;
    }

    private void InsertArticleTag(int articleId, int tagId)
    {
        _articleTag.Parameters[0].Value = articleId;
        _articleTag.Parameters[1].Value = tagId;
        _articleTag.ExecuteNonQuery();
    }

    private void InsertComment(int articleId, string name, string email, string bodyHtml, CommentStatus status, DateTime createdAt, string ip)
    {
        var p = _comment.Parameters;
        p[0].Value = articleId;
        p[1].Value = name;
        p[2].Value = email;
        p[3].Value = bodyHtml;
        p[4].Value = (int)status;
        p[5].Value = createdAt;
        // As the site's retention job leaves them (Privacy:RetainClientDataDays at its default): no IP address or
        // user agent on older comments, so the site does not spend its first minutes clearing a million of them.
        var kept = createdAt >= _clientDataCutoff;
        p[6].Value = kept ? ip : DBNull.Value;
        p[7].Value = kept ? UserAgent : DBNull.Value;
        _comment.ExecuteNonQuery();
        _stats.Comments++;
    }

    /// <summary>
    /// Splits <paramref name="total"/> comments over the articles with log-normal weights: most articles get a
    /// handful, a few hundred get hundreds, the busiest a couple of thousand. The sum is exact.
    /// </summary>
    private int[] SkewedCounts(int articles, int total)
    {
        var counts = new int[articles];
        if (articles == 0 || total == 0)
        {
            return counts;
        }

        var weights = new double[articles];
        var sum = 0.0;
        for (var i = 0; i < articles; i++)
        {
            weights[i] = Math.Exp(1.5 * Gaussian());
            sum += weights[i];
        }

        var assigned = 0;
        for (var i = 0; i < articles; i++)
        {
            counts[i] = (int)(total * weights[i] / sum);
            assigned += counts[i];
        }

        for (var left = total - assigned; left > 0; left--)
        {
            counts[_random.Next(articles)]++;
        }

        return counts;
    }

    private double Gaussian()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static int Median(int[] values)
    {
        if (values.Length == 0)
        {
            return 0;
        }

        var copy = (int[])values.Clone();
        Array.Sort(copy);
        return copy[copy.Length / 2];
    }

    private int NextId(string table)
    {
        using var command = Command($"SELECT IFNULL(MAX(Id), 0) + 1 FROM \"{table}\";");
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private int Scalar(string sql)
    {
        using var command = Command(sql);
        return Convert.ToInt32(command.ExecuteScalar() ?? throw new InvalidOperationException($"No row for: {sql}"), CultureInfo.InvariantCulture);
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }

    private SqliteCommand Prepare(string sql, params (string Name, SqliteType Type)[] parameters)
    {
        var command = Command(sql);
        foreach (var (name, type) in parameters)
        {
            command.Parameters.Add(name, type);
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }

    private static void Progress(string what, Stopwatch watch) =>
        Console.WriteLine($"  {what,-20} {watch.Elapsed.TotalSeconds,7:0.0} s");
}
