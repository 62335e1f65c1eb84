using NewsPortal.Web.Features.Comments;

namespace NewsPortal.Web.Features.Articles;

public sealed class ArticlePageViewModel
{
    public required ArticleViewModel Article { get; init; }
    public IReadOnlyList<ArticleSummary> Latest { get; init; } = [];
    public IReadOnlyList<ArticleSummary> Related { get; init; } = [];

    /// <summary>The comments section the page embeds (the comments slice builds it).</summary>
    public required CommentSectionViewModel Comments { get; init; }

    /// <summary>
    /// Key for the page's rendered fragments that are the same for every reader (the reader cache adds the data's
    /// versions, so a fragment never outlives the data it shows). Null: do not cache (preview).
    /// </summary>
    public string? FragmentKey { get; init; }
}
