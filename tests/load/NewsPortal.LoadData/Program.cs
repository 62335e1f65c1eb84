// Creates a fresh NewsPortal SQLite database for the load benchmark: the real migrations, then either the
// site's own sample content (--small) or N generated articles and M comments, plus two fixed benchmark articles.

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    await Console.Error.WriteLineAsync(LoadOptions.Usage);
    return 2;
}

var total = Stopwatch.StartNew();
var path = Path.GetFullPath(options.DatabasePath);
Directory.CreateDirectory(Path.GetDirectoryName(path)!);
foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
{
    File.Delete(path + suffix);
}

var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

// 1. Schema: exactly what the site would build, through its own migrations.
var phase = Stopwatch.StartNew();
await using (var db = new SqliteNewsDbContext(
    new DbContextOptionsBuilder<SqliteNewsDbContext>().UseSqlite(connectionString).Options))
{
    await db.Database.MigrateAsync();
    Console.WriteLine($"migrations applied          {phase.Elapsed.TotalSeconds,7:0.00} s");

    if (options.Small)
    {
        // The site seeds only an empty database, and the bench articles below would make it non-empty, so the
        // site's own seeder runs here instead of at the site's first start.
        phase.Restart();
        var added = await new SampleContentSeeder(db, new ArticleSanitizer(), TimeProvider.System).SeedAsync(CancellationToken.None);
        Console.WriteLine($"sample content: {added,3} articles  {phase.Elapsed.TotalSeconds,7:0.00} s");

        if (options.MediaRoot is { } mediaRoot)
        {
            // The sample photographs, as the site's first start makes them: through its own intake and processor, into
            // the folder the benchmarked site is given as Media:Root, so the photo story carries real variants.
            phase.Restart();
            var media = Options.Create(new MediaOptions { Root = Path.GetFullPath(mediaRoot) });
            using var intake = new ImageIntake(media);
            var store = new FolderMediaStore(media, new HostingEnvironment { ContentRootPath = Environment.CurrentDirectory });
            var processor = new MediaProcessor(db, store, TimeProvider.System, NullLogger<MediaProcessor>.Instance);
            var photos = await new SamplePhotoSeeder(db, intake, store, processor, new ArticleSanitizer(), TimeProvider.System).SeedAsync(CancellationToken.None);
            Console.WriteLine($"sample photographs: {photos,3}      {phase.Elapsed.TotalSeconds,7:0.00} s");
        }
    }
}

// 2. Data: raw ADO.NET, one transaction, prepared commands.
phase.Restart();
var stats = new LoadStats();
await using (var connection = new SqliteConnection(connectionString))
{
    connection.Open();
    Execute(connection, "PRAGMA journal_mode=WAL;");
    Execute(connection, "PRAGMA synchronous=OFF;");
    Execute(connection, "PRAGMA cache_size=-1048576;"); // 1 GiB page cache while loading
    Execute(connection, "PRAGMA temp_store=MEMORY;");

    using (var transaction = connection.BeginTransaction())
    {
        var zipf = options.Zipf ? new ZipfVocabulary(TextGenerator.CommonWords) : null;
        using var loader = new DataLoader(connection, transaction, new Random(options.Seed), DateTime.UtcNow, stats, zipf);
        if (!options.Small)
        {
            loader.LoadGenerated(options.Articles, options.Comments);
        }

        loader.AddBenchArticles();
        Console.WriteLine($"rows inserted               {phase.Elapsed.TotalSeconds,7:0.00} s");

        // The rows above bypass the site's saves, so the search index is filled here, in the same transaction,
        // by the site's own index writer (as the site would at start-up, but without making its first start slow).
        phase.Restart();
        var (indexedArticles, indexedComments) = await new SearchIndexWriter(new AdoSearchSqlRunner(connection, transaction), new SqliteSearchIndexDialect())
            .CatchUpAsync(CancellationToken.None);
        Console.WriteLine($"search index: {indexedArticles:N0} articles, {indexedComments:N0} comments {phase.Elapsed.TotalSeconds,7:0.00} s");
        phase.Restart();
        transaction.Commit();
    }

    Console.WriteLine($"committed                   {phase.Elapsed.TotalSeconds,7:0.00} s");

    // Fold the WAL into the database file so the site starts on a clean file; WAL mode itself stays on.
    phase.Restart();
    Execute(connection, "PRAGMA synchronous=FULL;");
    Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
    Console.WriteLine($"checkpoint                  {phase.Elapsed.TotalSeconds,7:0.00} s");

    foreach (var table in new[] { "Categories", "Authors", "Tags", "Articles", "ArticleTag", "Comments", "ArticleSearch", "CommentSearch" })
    {
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM \"" + table + "\";";
        Console.WriteLine($"  {table,-12} {Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture),10:N0} rows");
    }
}

SqliteConnection.ClearAllPools();
var size = new FileInfo(path).Length;
Console.WriteLine(
    $"Database ready: {path} ({size / 1024.0 / 1024.0:0.0} MB), generated {stats.Articles:N0} articles and " +
    $"{stats.Comments:N0} comments in {total.Elapsed.TotalSeconds:0.00} s");
return 0;

static void Execute(SqliteConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}

internal sealed record LoadOptions(string DatabasePath, int Articles, int Comments, bool Small, int Seed, string? MediaRoot, bool Zipf)
{
    public const string Usage =
        "usage: NewsPortal.LoadData --db <path.db> [--articles N] [--comments M] [--small] [--seed S]\n" +
        "  --articles N   generated published articles (default 100000)\n" +
        "  --comments M   generated comments spread over them (default 1000000)\n" +
        "  --small        the site's own sample content instead of generated articles\n" +
        "  --media DIR    with --small: also the sample photographs, their files written to DIR (the site's Media:Root)\n" +
        "  --words list|zipf  list (default): every word drawn evenly from a few hundred (harsh on search: every word\n" +
        "                 is in most articles); zipf: 60,000 words drawn by Zipf's law, as in real news text\n" +
        "  Always adds bench-article-20-comments and bench-article-500-comments.";

    public static LoadOptions Parse(string[] args)
    {
        var given = Given(args, switches: ["--small"], values: ["--db", "--articles", "--comments", "--seed", "--media", "--words"]);
        var db = given.GetValueOrDefault("--db");
        var articles = Number(given, "--articles", 100_000);
        var comments = Number(given, "--comments", 1_000_000);
        var seed = Number(given, "--seed", 20_261_129);
        var small = given.ContainsKey("--small");
        var media = given.GetValueOrDefault("--media");
        var zipf = given.GetValueOrDefault("--words", "list") switch
        {
            "zipf" => true,
            "list" => false,
            var other => throw new ArgumentException($"--words takes list or zipf, not '{other}'"),
        };

        if (string.IsNullOrWhiteSpace(db))
        {
            throw new ArgumentException("--db <path> is required");
        }

        if (!small && articles == 0 && comments > 0)
        {
            throw new ArgumentException("--comments needs at least one article");
        }

        if (media is not null && !small)
        {
            throw new ArgumentException("--media goes with --small (the sample photographs belong to the sample content)");
        }

        if (zipf && small)
        {
            throw new ArgumentException("--words zipf goes with generated articles, not --small");
        }

        return new LoadOptions(db, articles, comments, small, seed, media, zipf);
    }

    /// <summary>The options on the command line by name (a switch's value empty); the last one given counts.</summary>
    private static Dictionary<string, string> Given(string[] args, string[] switches, string[] values)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var option = args[i];
            if (option is "-h" or "--help")
            {
                throw new ArgumentException("help requested");
            }

            given[option] = switches.Contains(option) ? string.Empty
                : !values.Contains(option) ? throw new ArgumentException($"unknown argument '{option}'")
                : ++i < args.Length ? args[i]
                : throw new ArgumentException($"{option} needs a value");
        }

        return given;
    }

    private static int Number(Dictionary<string, string> given, string option, int otherwise) =>
        !given.TryGetValue(option, out var text) ? otherwise
        : int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : throw new ArgumentException($"{option} needs a whole number, not '{text}'");
}

internal sealed class LoadStats
{
    public int Articles { get; set; }
    public int Comments { get; set; }
}
