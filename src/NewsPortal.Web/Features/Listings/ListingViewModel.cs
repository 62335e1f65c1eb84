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
}
