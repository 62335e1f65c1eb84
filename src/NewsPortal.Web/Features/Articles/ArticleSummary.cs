using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.Articles;

/// <summary>
/// What every reader's view of an article shows, in a list or on its page: its address, headline and standfirst, first
/// byline, section, publish time and hero.
/// </summary>
[ImmutableObject(true)]
public abstract record ArticleHeader
{
    public int Id { get; init; }
    public required string Slug { get; init; }
    public required string Headline { get; init; }
    public required string Standfirst { get; init; }
    public required string AuthorName { get; init; }
    public required string AuthorSlug { get; init; }
    public required string CategoryName { get; init; }
    public required string CategorySlug { get; init; }

    /// <summary>UTC.</summary>
    public DateTime PublishedAt { get; init; }

    public string? HeroImageUrl { get; init; }
    public string? HeroImageAlt { get; init; }
}

/// <summary>An article as it appears in lists: front page, sections, tags, search, latest and related news.</summary>
[ImmutableObject(true)]
public sealed record ArticleSummary : ArticleHeader
{
    /// <summary>The hero's variants when it is a media library image; set once, before the list is cached.</summary>
    public ResponsiveImage? HeroImage { get; set; }

    public int CommentCount { get; init; }
}
