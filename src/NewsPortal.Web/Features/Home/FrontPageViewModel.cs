using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.Home;

[System.ComponentModel.ImmutableObject(true)]
public sealed class FrontPageViewModel
{
    /// <summary>The newest story; shown large on the first page only.</summary>
    public ArticleSummary? Lead { get; init; }

    public required PagedList<ArticleSummary> Latest { get; init; }
    public IReadOnlyList<SectionBlock> Sections { get; init; } = [];
}

[System.ComponentModel.ImmutableObject(true)]
public sealed class SectionBlock
{
    public required string Name { get; init; }
    public required string Slug { get; init; }
    public IReadOnlyList<ArticleSummary> Articles { get; init; } = [];
}
