using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.AdminArticles;

public sealed class ReviewQueueViewModel
{
    public required IReadOnlyList<ReviewQueueRow> Rows { get; init; }
    public required ArticleTabs Tabs { get; init; }
}

public sealed class ReporterStoriesViewModel
{
    public required PagedList<ReporterStoryRow> Stories { get; init; }
}
