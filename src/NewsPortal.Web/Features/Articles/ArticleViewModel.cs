using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.Articles;

/// <summary>Shared by every reader through the cache, so it never changes once built.</summary>
[ImmutableObject(true)]
public sealed record ArticleViewModel : ArticleHeader
{
    /// <summary>Sanitized at write time by the article sanitizer.</summary>
    public required string BodyHtml { get; init; }

    public string? HeroImageCaption { get; init; }

    /// <summary>The hero's variants when it is a media library image.</summary>
    public ResponsiveImage? HeroImage { get; init; }

    /// <summary>
    /// With no hero: the body's first media library image, which stands in for the hero in link previews, JSON-LD and
    /// the feed. Null when the article has a hero or its body has no library image (images from elsewhere are not
    /// promoted: their size, type and lifetime are unknown).
    /// </summary>
    public InBodyImage? BodyImage { get; init; }
    public int CategoryId { get; init; }

    /// <summary>UTC; shown only when it is later than the publish time.</summary>
    public DateTime? UpdatedAt { get; init; }

    /// <summary>The article's own switch, as stored; the page combines it with the auto-close rule.</summary>
    public bool CommentsOpenSetting { get; init; }
    public IReadOnlyList<TagLink> Tags { get; init; } = [];

    /// <summary>Every byline in order: the first (<see cref="ArticleHeader.AuthorName"/>) and its co-authors.</summary>
    public IReadOnlyList<BylineLink> Bylines { get; init; } = [];

    /// <summary>Corrections and updates, oldest first.</summary>
    public IReadOnlyList<ArticleNoteView> Notes { get; init; } = [];
}

/// <param name="At">UTC.</param>
[ImmutableObject(true)]
public sealed record ArticleNoteView(Domain.ArticleNoteKind Kind, string Text, DateTime At);

[ImmutableObject(true)]
public sealed record TagLink(string Name, string Slug);
