using NewsPortal.Web.Features.Comments;
using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.Articles;

/// <summary>
/// schema.org NewsArticle for an article page, with its approved comments, for search engines and link
/// previews. Serialized with the default encoder, which escapes &lt; and &gt;, so it is safe inside a script block.
/// </summary>
public static class ArticleStructuredData
{
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    /// <summary>
    /// A library hero as ImageObjects (the widest JPEG and the 1200×630 crop, each with its size, as Google's article
    /// guidelines ask for large images in several ratios); any other hero as its address; with no hero, the body's
    /// first library image as ImageObjects like a hero's.
    /// </summary>
    private static object? Images(ArticleViewModel article, string baseUrl)
    {
        if ((article.HeroImage ?? article.BodyImage?.Image) is { } image)
        {
            return new[] { image.LargestJpeg, image.Social }.OfType<ImageFile>().Select(f => new Dictionary<string, object?>
            {
                ["@type"] = "ImageObject",
                ["url"] = PublicUrls.Absolute(baseUrl, f.Url),
                ["width"] = f.Width,
                ["height"] = f.Height,
            }).ToList();
        }

        return article.HeroImageUrl is null ? null : new[] { PublicUrls.Absolute(baseUrl, article.HeroImageUrl) };
    }

    public static string NewsArticle(ArticlePageViewModel page, string baseUrl, string siteName)
    {
        var article = page.Article;
        var url = $"{baseUrl}/news/{article.Slug}";
        var comments = Flatten(page.Comments.Roots).Where(c => !c.IsAwaitingModeration).ToList();
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["mainEntityOfPage"] = new Dictionary<string, object?> { ["@type"] = "WebPage", ["@id"] = url },
            ["url"] = url,
            ["headline"] = article.Headline.Length > 110 ? article.Headline[..110] : article.Headline,
            ["description"] = article.Standfirst,
            ["image"] = Images(article, baseUrl),
            ["datePublished"] = UtcText.Iso(article.PublishedAt),
            ["dateModified"] = UtcText.Iso(article.UpdatedAt is { } u && u > article.PublishedAt ? u : article.PublishedAt),
            ["articleSection"] = article.CategoryName,

            // schema.org's correction property (CreativeWork): each note as a CorrectionComment, named for its kind.
            ["correction"] = article.Notes.Count == 0 ? null : article.Notes.Select(n => new Dictionary<string, object?>
            {
                ["@type"] = "CorrectionComment",
                ["name"] = n.Kind == Domain.ArticleNoteKind.Update ? "Update" : "Correction",
                ["text"] = n.Text,
                ["datePublished"] = UtcText.Iso(n.At),
            }).ToList(),
            ["keywords"] = article.Tags.Count == 0 ? null : string.Join(", ", article.Tags.Select(t => t.Name)),
            ["author"] = BylinesOf(article).Select(b => new Dictionary<string, object?>
            {
                ["@type"] = "Person",
                ["name"] = b.Name,
                ["url"] = $"{baseUrl}/author/{b.Slug}",
            }).ToList(),
            ["publisher"] = new Dictionary<string, object?>
            {
                ["@type"] = "NewsMediaOrganization",
                ["name"] = siteName,
                ["url"] = baseUrl + "/",
                ["logo"] = new Dictionary<string, object?> { ["@type"] = "ImageObject", ["url"] = baseUrl + "/favicon.svg" },
            },
            ["commentCount"] = page.Comments.ApprovedCount,
            ["comment"] = comments.Select(c => new Dictionary<string, object?>
            {
                ["@type"] = "Comment",
                ["@id"] = $"{url}#comment-{c.Id}",
                ["url"] = baseUrl + page.Comments.Permalink(c.Id),
                ["author"] = new Dictionary<string, object?> { ["@type"] = "Person", ["name"] = c.AuthorName },
                ["dateCreated"] = UtcText.Iso(c.CreatedAt),
                ["text"] = CommentTextOf(c.BodyHtml),
                ["parentItem"] = c.ParentId is { } parent ? new Dictionary<string, object?> { ["@id"] = $"{url}#comment-{parent}" } : null,
            }).ToList(),
        };
        return JsonSerializer.Serialize(data, Options);
    }

    /// <summary>The bylines in order; a model built without them (never from the database) still has its first.</summary>
    public static IReadOnlyList<BylineLink> BylinesOf(ArticleViewModel article) =>
        article.Bylines.Count > 0 ? article.Bylines : [new BylineLink(article.AuthorName, article.AuthorSlug)];

    private static string CommentTextOf(string html) =>
        Infrastructure.Sanitizing.CommentSanitizer.ToPlainText(html).Trim();

    private static IEnumerable<CommentViewModel> Flatten(IEnumerable<CommentViewModel> comments) =>
        comments.SelectMany(c => new[] { c }.Concat(Flatten(c.Replies)));
}
