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

    public ArticleBuilder Headline(string headline)
    {
        _headline = headline;
        return this;
    }

    public ArticleBuilder Standfirst(string standfirst)
    {
        _standfirst = standfirst;
        return this;
    }

    public ArticleBuilder Slug(string slug)
    {
        _slug = slug;
        return this;
    }

    public ArticleBuilder Body(string html)
    {
        _body = html;
        return this;
    }

    public ArticleBuilder Draft()
    {
        _status = ArticleStatus.Draft;
        return this;
    }

    public ArticleBuilder ScheduledFor(DateTime utc)
    {
        _status = ArticleStatus.Scheduled;
        _publishedAt = utc;
        return this;
    }

    public ArticleBuilder PublishedAt(DateTime utc)
    {
        _status = ArticleStatus.Published;
        _publishedAt = utc;
        return this;
    }

    public ArticleBuilder InCategory(string slug)
    {
        _categorySlug = slug;
        return this;
    }

    public ArticleBuilder Tagged(params string[] tagSlugs)
    {
        _tags.AddRange(tagSlugs);
        return this;
    }

    /// <summary>The first byline, by slug (it must exist); without it, the first author in the database.</summary>
    public ArticleBuilder By(string authorSlug, params string[] coAuthorSlugs)
    {
        _authorSlug = authorSlug;
        _coAuthors.AddRange(coAuthorSlugs);
        return this;
    }

    public ArticleBuilder CommentsClosed()
    {
        _commentsOpen = false;
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

        var article = new Article
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
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article;
    }
}
