namespace NewsPortal.LoadData;

/// <summary>
/// Writes rows with prepared, reused commands inside the caller's transaction. Table and column names follow
/// the Sqlite migrations (InitialCreate, AdminArea); values follow what the site itself stores (UTC times bound
/// as DateTime, so Microsoft.Data.Sqlite writes the same text format EF does; enums as integers).
/// </summary>
internal sealed partial class DataLoader : IDisposable
{
    public const string Bench20Slug = "bench-article-20-comments";
    public const string Bench500Slug = "bench-article-500-comments";

    private const int CommenterPoolSize = 25_000;
    private const string UserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

    private static readonly (string Name, string Slug)[] CategoryNames =
    [
        ("World", "world"), ("Politics", "politics"), ("Business", "business"), ("Technology", "technology"),
        ("Science", "science"), ("Sport", "sport"), ("Culture", "culture"),
    ];

    private static readonly string[] HeroImages =
    [
        "concert-stage", "halver-sea", "harbour", "observatory", "reservoir", "stadium", "tram", "wind-farm",
    ];

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly Random _random;
    private readonly TextGenerator _text;
    private readonly DateTime _now;
    private readonly DateTime _clientDataCutoff;
    private readonly LoadStats _stats;

    private readonly SqliteCommand _article;
    private readonly SqliteCommand _articleTag;
    private readonly SqliteCommand _comment;

    private (string Name, string Email, string Ip)[] _commenters = [];

    public DataLoader(SqliteConnection connection, SqliteTransaction transaction, Random random, DateTime utcNow, LoadStats stats, ZipfVocabulary? zipf = null)
    {
        _connection = connection;
        _transaction = transaction;
        _random = random;
        _text = new TextGenerator(random, zipf);
        _clientDataCutoff = utcNow.AddDays(-new NewsPortal.Web.Features.Privacy.PrivacyOptions().RetainClientDataDays);
        _now = utcNow;
        _stats = stats;

        _article = Prepare(InsertArticleSql,
            ("$id", SqliteType.Integer), ("$slug", SqliteType.Text), ("$headline", SqliteType.Text),
            ("$standfirst", SqliteType.Text), ("$body", SqliteType.Text), ("$heroUrl", SqliteType.Text),
            ("$heroAlt", SqliteType.Text), ("$heroCaption", SqliteType.Text), ("$status", SqliteType.Integer),
            ("$publishedAt", SqliteType.Text), ("$createdAt", SqliteType.Text), ("$authorId", SqliteType.Integer),
            ("$categoryId", SqliteType.Integer));
        _articleTag = Prepare(InsertArticleTagSql, ("$articleId", SqliteType.Integer), ("$tagId", SqliteType.Integer));
        _comment = Prepare(InsertCommentSql,
            ("$articleId", SqliteType.Integer), ("$name", SqliteType.Text), ("$email", SqliteType.Text),
            ("$body", SqliteType.Text), ("$status", SqliteType.Integer), ("$createdAt", SqliteType.Text),
            ("$ip", SqliteType.Text), ("$userAgent", SqliteType.Text));
    }

    public void Dispose()
    {
        _article.Dispose();
        _articleTag.Dispose();
        _comment.Dispose();
    }

    /// <summary>Categories, authors, tags, <paramref name="articleCount"/> articles and their comments.</summary>
    public void LoadGenerated(int articleCount, int commentCount)
    {
        var watch = Stopwatch.StartNew();
        InsertCategories();
        var authorCount = InsertAuthors(20);
        var tagCount = InsertTags(200);
        BuildCommenters();

        // Published over the past two years, oldest first, so ids grow with time as they would in real life.
        // The newest is at least two hours old, so the bench articles (one hour old) lead every list.
        var span = TimeSpan.FromDays(730) - TimeSpan.FromHours(2);
        var published = new DateTime[articleCount];
        for (var i = 0; i < articleCount; i++)
        {
            published[i] = _now - TimeSpan.FromHours(2) - span * _random.NextDouble();
        }

        Array.Sort(published);
        var firstId = NextId("Articles");
        Span<int> chosen = stackalloc int[4];
        for (var i = 0; i < articleCount; i++)
        {
            var id = firstId + i;
            var headline = _text.Headline();
            var slug = $"{Slugs.From(headline, 140)}-{id.ToString(CultureInfo.InvariantCulture)}";
            InsertArticle(
                id,
                slug,
                headline,
                categoryId: 1 + _random.Next(CategoryNames.Length),
                authorId: 1 + _random.Next(authorCount),
                publishedAt: published[i],
                withImage: _random.Next(3) == 0);

            // 2-4 distinct tags; a few tags are very common, most are rare.
            var tags = _random.Next(2, 5);
            for (var t = 0; t < tags; t++)
            {
                int tagId;
                do
                {
                    tagId = 1 + (int)(tagCount * Math.Pow(_random.NextDouble(), 2.2));
                }
                while (chosen[..t].Contains(tagId));

                chosen[t] = tagId;
                InsertArticleTag(id, tagId);
            }

            if ((i + 1) % 20_000 == 0)
            {
                Progress($"{i + 1:N0} articles", watch);
            }
        }

        if (articleCount % 20_000 != 0)
        {
            Progress($"{articleCount:N0} articles done", watch);
        }

        var counts = SkewedCounts(articleCount, commentCount);
        var times = new List<DateTime>();
        var nextReport = 200_000;
        for (var i = 0; i < articleCount; i++)
        {
            if (counts[i] == 0)
            {
                continue;
            }

            // Comments arrive after publication, mostly within the first days, never in the future.
            var start = published[i].AddMinutes(1);
            var window = TimeSpan.FromDays(14);
            if (_now - start < window)
            {
                window = _now - start;
            }

            times.Clear();
            for (var c = 0; c < counts[i]; c++)
            {
                times.Add(start + window * Math.Pow(_random.NextDouble(), 3));
            }

            times.Sort();
            foreach (var at in times)
            {
                var (name, email, ip) = _commenters[(int)(_commenters.Length * Math.Pow(_random.NextDouble(), 2))];
                var status = _random.Next(10) == 0 ? CommentStatus.Pending : CommentStatus.Approved;
                InsertComment(firstId + i, name, email, _text.CommentBody(), status, at, ip);
            }

            if (_stats.Comments >= nextReport)
            {
                Progress($"{_stats.Comments:N0} comments", watch);
                nextReport += 200_000;
            }
        }

        Progress($"{_stats.Comments:N0} comments done", watch);
        var max = counts.Length == 0 ? 0 : counts.Max();
        var none = counts.Count(c => c == 0);
        Console.WriteLine($"  comments per article: max {max:N0}, median {Median(counts)}, {none:N0} articles without comments");
    }

    /// <summary>The two fixed articles the benchmark requests, with exactly 20 and 500 approved comments.</summary>
    public void AddBenchArticles()
    {
        if (_commenters.Length == 0)
        {
            BuildCommenters();
        }

        var categoryId = Scalar("SELECT Id FROM Categories WHERE Slug = 'world';");
        var authorId = Scalar("SELECT MIN(Id) FROM Authors;");
        var tagIds = new List<int>();
        using (var tags = Command("SELECT Id FROM Tags ORDER BY Id LIMIT 3;"))
        using (var reader = tags.ExecuteReader())
        {
            while (reader.Read())
            {
                tagIds.Add(reader.GetInt32(0));
            }
        }

        var publishedAt = _now.AddHours(-1);
        var id = NextId("Articles");
        foreach (var (slug, comments) in new[] { (Bench20Slug, 20), (Bench500Slug, 500) })
        {
            InsertArticle(id, slug, $"Benchmark article with {comments} comments", categoryId, authorId, publishedAt, withImage: true);
            foreach (var tagId in tagIds)
            {
                InsertArticleTag(id, tagId);
            }

            // All approved, spread over the 55 minutes since publication, oldest first.
            var step = TimeSpan.FromMinutes(55) / comments;
            for (var c = 0; c < comments; c++)
            {
                var (name, email, ip) = _commenters[c % _commenters.Length];
                InsertComment(id, name, email, _text.CommentBody(), CommentStatus.Approved, publishedAt + step * (c + 1), ip);
            }

            Console.WriteLine($"  {slug}: article {id}, {comments} approved comments");
            id++;
        }
    }
}
