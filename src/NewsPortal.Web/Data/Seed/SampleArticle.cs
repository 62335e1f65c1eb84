namespace NewsPortal.Web.Data.Seed;

/// <summary>One article of the sample content a new database is given.</summary>
/// <param name="Slug">lowercase, hyphenated, unique.</param>
/// <param name="Category">one of <see cref="SampleContent.Categories"/> by name.</param>
/// <param name="Author">one of <see cref="SampleContent.Authors"/> by name.</param>
/// <param name="HoursAgo">how long before seeding the article was published.</param>
/// <param name="Paragraphs">plain text paragraphs; the seeder wraps each in &lt;p&gt;.</param>
/// <param name="Image">path under wwwroot, e.g. "/images/articles/harbour.svg", or null.</param>
internal sealed record SampleArticle(
    string Slug,
    string Headline,
    string Standfirst,
    string Category,
    string Author,
    string[] Tags,
    int HoursAgo,
    string[] Paragraphs,
    string? Image = null,
    string? ImageAlt = null,
    string? ImageCaption = null,
    bool CommentsOpen = true);

/// <summary>An approved reader comment on a sample article.</summary>
internal sealed record SampleComment(string ArticleSlug, string Name, string Email, string Body, int HoursAgo);
