namespace NewsPortal.Web.Features.Articles;

public sealed class ArticleViewModel
{
    public int Id { get; init; }
    public required string Slug { get; init; }
    public required string Headline { get; init; }
    public required string Standfirst { get; init; }

    /// <summary>Sanitized at write time by the article sanitizer.</summary>
    public required string BodyHtml { get; init; }

    public string? HeroImageUrl { get; init; }
    public string? HeroImageAlt { get; init; }
    public string? HeroImageCaption { get; init; }
    public required string AuthorName { get; init; }
    public required string AuthorSlug { get; init; }
    public int CategoryId { get; init; }
    public required string CategoryName { get; init; }
    public required string CategorySlug { get; init; }

    /// <summary>UTC.</summary>
    public DateTime PublishedAt { get; init; }

    /// <summary>UTC; shown only when it is later than the publish time.</summary>
    public DateTime? UpdatedAt { get; init; }

    /// <summary>The article's own switch, as stored.</summary>
    public bool CommentsOpenSetting { get; init; }

    /// <summary>Whether the form is shown: the article's switch, and auto-close has not passed.</summary>
    public bool CommentsOpen { get; set; }
    public IReadOnlyList<TagLink> Tags { get; init; } = [];
}

public sealed record TagLink(string Name, string Slug);
