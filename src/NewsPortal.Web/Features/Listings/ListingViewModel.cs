using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.Listings;

/// <summary>A section or tag page.</summary>
[System.ComponentModel.ImmutableObject(true)]
public sealed class ListingViewModel
{
    public required string Title { get; init; }
    public required string Kind { get; init; }
    public required string Slug { get; init; }
    public required PagedList<ArticleSummary> Articles { get; init; }

    /// <summary>The section's own description, shown under its heading and as the meta description.</summary>
    public string? Description { get; init; }

    /// <summary>Set when the slug asked for is a renamed section's old one: the current slug to send the reader to.</summary>
    public string? MovedTo { get; init; }
}
