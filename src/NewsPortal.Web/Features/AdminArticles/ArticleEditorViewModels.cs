using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.AdminArticles;

public sealed class ArticleListViewModel
{
    public ArticleStatus? Status { get; init; }
    public string? Search { get; init; }
    public required PagedList<ArticleRow> Articles { get; init; }

    /// <summary>The tabs above the list, with their counts (set by the controller).</summary>
    public ArticleTabs? Tabs { get; set; }
}

/// <param name="PublishedAt">UTC.</param>
public sealed record ArticleRow(int Id, string Slug, string Headline, ArticleStatus Status, DateTime? PublishedAt, string Category, int PendingComments);

/// <param name="Id">Null for a new article.</param>
/// <param name="PublishedAt">UTC.</param>
/// <param name="PublishAtChoices">
/// When the publish time happens twice (the hour repeated when the clocks go back): its two occurrences, value the
/// UTC offset, for the editor to choose from. Empty otherwise.
/// </param>
public sealed record ArticleEditorViewModel(
    int? Id, ArticleStatus Status, DateTime? PublishedAt, string? CurrentSlug, ArticleForm Form,
    IReadOnlyList<SelectListItem> Categories, IReadOnlyList<SelectListItem> Authors, IReadOnlyList<SelectListItem> PublishAtChoices)
{
    /// <summary>Review, corrections, preview links and history (set by the controller for an existing story).</summary>
    public ArticleNewsroomPanel? Newsroom { get; set; }

    /// <summary>A reporter without the Editor role: no publish, schedule or unpublish buttons, a submit button instead.</summary>
    public bool IsReporterOnly { get; set; }
}
