namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>Builds an article with sensible defaults; tests say only what matters to them.</summary>
public sealed class ArticleBuilder
{
    private static int _sequence;
    private readonly int _n = Interlocked.Increment(ref _sequence);
    private string? _headline;
    private string? _slug;
    private string? _standfirst;
    private string _body = "<p>Body text of a test article.</p>";
    private ArticleStatus _status = ArticleStatus.Published;
    private DateTime? _publishedAt = DateTime.UtcNow.AddHours(-1);
    private string _categorySlug = "world";
    private readonly List<string> _tags = [];
    private bool _commentsOpen = true;
    private string? _authorSlug;
    private readonly List<string> _coAuthors = [];

    public ArticleBuilder Headline(string headline) => With(() => _headline = headline);

    public ArticleBuilder Standfirst(string standfirst) => With(() => _standfirst = standfirst);

    public ArticleBuilder Slug(string slug) => With(() => _slug = slug);

    public ArticleBuilder Body(string html) => With(() => _body = html);

    public ArticleBuilder Draft() => With(() => _status = ArticleStatus.Draft);

    public ArticleBuilder ScheduledFor(DateTime utc) => With(() => (_status, _publishedAt) = (ArticleStatus.Scheduled, utc));

    public ArticleBuilder PublishedAt(DateTime utc) => With(() => (_status, _publishedAt) = (ArticleStatus.Published, utc));

    public ArticleBuilder InCategory(string slug) => With(() => _categorySlug = slug);

    public ArticleBuilder Tagged(params string[] tagSlugs) => With(() => _tags.AddRange(tagSlugs));

    /// <summary>The first byline, by slug (it must exist); without it, the first author in the database.</summary>
    public ArticleBuilder By(string authorSlug, params string[] coAuthorSlugs) =>
        With(() =>
        {
            _authorSlug = authorSlug;
            _coAuthors.AddRange(coAuthorSlugs);
        });

    public ArticleBuilder CommentsClosed() => With(() => _commentsOpen = false);

    private ArticleBuilder With(Action change)
    {
        change();
        return this;
    }

    /// <summary>Adds the article (and any missing category, tag or author) to the database.</summary>
    public async Task<Article> SaveAsync(NewsDbContext db)
    {
        var headline = _headline ?? $"Test article number {_n}";
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Slug == _categorySlug)
                       ?? new Category { Name = _categorySlug, Slug = _categorySlug, Position = 99 };
        var author = _authorSlug is not null
            ? await db.Authors.SingleAsync(a => a.Slug == _authorSlug)
            : await db.Authors.OrderBy(a => a.Id).FirstOrDefaultAsync() ?? new Author { Name = "Test Author", Slug = "test-author" };
        var coAuthors = new List<ArticleCoAuthor>();
        foreach (var slug in _coAuthors)
        {
            coAuthors.Add(new ArticleCoAuthor { Author = await db.Authors.SingleAsync(a => a.Slug == slug), Position = coAuthors.Count + 1 });
        }

        var tags = new List<Tag>();
        foreach (var slug in _tags)
        {
            tags.Add(await db.Tags.SingleOrDefaultAsync(t => t.Slug == slug) ?? new Tag { Name = slug, Slug = slug });
        }

        return await StoredEntities.AddAsync(db, new Article
        {
            Slug = _slug ?? Slugs.From(headline),
            Headline = headline,
            Standfirst = _standfirst ?? $"Standfirst of {headline}.",
            BodyHtml = _body,
            Status = _status,
            PublishedAt = _publishedAt,
            CreatedAt = DateTime.UtcNow.AddDays(-1),
            CommentsOpen = _commentsOpen,
            Category = category,
            Author = author,
            Tags = tags,
            CoAuthors = coAuthors,
        });
    }
}
