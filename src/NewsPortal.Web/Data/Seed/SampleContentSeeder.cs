namespace NewsPortal.Web.Data.Seed;

/// <summary>Fills an empty database with the sample newsroom, so a newcomer's first run shows a real site.</summary>
public sealed class SampleContentSeeder(NewsDbContext db, ArticleSanitizer sanitizer, TimeProvider time)
{
    /// <returns>The number of articles added; 0 when the database already had articles.</returns>
    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Articles.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var categories = SampleContent.Categories
            .Select((c, i) => new Category { Name = c.Name, Slug = c.Slug, Position = i })
            .ToDictionary(c => c.Name);
        var authors = SampleContent.Authors
            .Select(a => new Author { Name = a.Name, Slug = a.Slug, Bio = a.Bio })
            .ToDictionary(a => a.Name);
        var tags = SampleContent.Articles
            .SelectMany(a => a.Tags)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(t => new Tag { Name = t, Slug = Slugs.From(t) })
            .ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);

        var articles = new Dictionary<string, Article>();
        foreach (var sample in SampleContent.Articles)
        {
            var published = now.AddHours(-sample.HoursAgo);
            var body = string.Concat(sample.Paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>\n"));
            articles[sample.Slug] = new Article
            {
                Slug = sample.Slug,
                Headline = sample.Headline,
                Standfirst = sample.Standfirst,
                BodyHtml = sanitizer.Sanitize(body),
                HeroImageUrl = sample.Image,
                HeroImageAlt = sample.ImageAlt,
                HeroImageCaption = sample.ImageCaption,
                Status = ArticleStatus.Published,
                PublishedAt = published,
                CreatedAt = published.AddHours(-2),
                CommentsOpen = sample.CommentsOpen,
                Author = authors[sample.Author],
                Category = categories[sample.Category],
                Tags = sample.Tags.Select(t => tags[t]).ToList(),
            };
        }

        foreach (var sample in SampleContent.Comments)
        {
            articles[sample.ArticleSlug].Comments.Add(new Comment
            {
                AuthorName = sample.Name,
                AuthorEmail = sample.Email,
                BodyHtml = $"<p>{WebUtility.HtmlEncode(sample.Body)}</p>",
                Status = CommentStatus.Approved,
                CreatedAt = now.AddHours(-sample.HoursAgo),
            });
        }

        db.Articles.AddRange(articles.Values);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance starting on the same new database seeded it first (one transaction, so all or none).
            db.ChangeTracker.Clear();
            if (await db.Articles.AnyAsync(cancellationToken))
            {
                return 0;
            }

            throw;
        }

        return articles.Count;
    }
}
