namespace NewsPortal.Web.Features.Comments;

public sealed class CommentThreadViewModel
{
    /// <summary>Approved comments only: what every reader sees in the count.</summary>
    public int ApprovedCount { get; init; }

    /// <summary>Top-level comments, oldest first, each with its replies.</summary>
    public IReadOnlyList<CommentViewModel> Roots { get; init; } = [];
}
