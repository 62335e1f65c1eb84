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

public sealed class ArticleEditorViewModel
{
    /// <summary>Null for a new article.</summary>
    public int? Id { get; init; }

    public ArticleStatus Status { get; init; }

    /// <summary>UTC.</summary>
    public DateTime? PublishedAt { get; init; }

    public string? CurrentSlug { get; init; }
    public required ArticleForm Form { get; init; }
    public IReadOnlyList<SelectListItem> Categories { get; init; } = [];
    public IReadOnlyList<SelectListItem> Authors { get; init; } = [];

    /// <summary>
    /// When the publish time happens twice (the hour repeated when the clocks go back): its two occurrences, value the
    /// UTC offset, for the editor to choose from. Empty otherwise.
    /// </summary>
    public IReadOnlyList<SelectListItem> PublishAtChoices { get; init; } = [];

    /// <summary>Review, corrections, preview links and history (set by the controller for an existing story).</summary>
    public ArticleNewsroomPanel? Newsroom { get; set; }

    /// <summary>A reporter without the Editor role: no publish, schedule or unpublish buttons, a submit button instead.</summary>
    public bool IsReporterOnly { get; set; }
}
