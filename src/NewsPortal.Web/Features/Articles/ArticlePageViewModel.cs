using NewsPortal.Web.Features.Comments;

namespace NewsPortal.Web.Features.Articles;

public sealed class ArticlePageViewModel
{
    public required ArticleViewModel Article { get; init; }
    public IReadOnlyList<ArticleSummary> Latest { get; init; } = [];
    public IReadOnlyList<ArticleSummary> Related { get; init; } = [];
    public required CommentThreadViewModel Comments { get; init; }

    /// <summary>
    /// Key for the page's rendered fragments that are the same for every reader (the reader cache adds the data's
    /// versions, so a fragment never outlives the data it shows). Null: do not cache (preview).
    /// </summary>
    public string? FragmentKey { get; init; }

    /// <summary>The viewer has held comments of their own on this page, so its comment list is theirs alone.</summary>
    public bool HasOwnHeldComments => Comments.Roots.Any(HasHeld);

    /// <summary>Whether the form is shown: the article's own switch, and auto-close has not passed.</summary>
    public bool CommentsOpen { get; init; }

    /// <summary>The form as rendered: empty with a fresh stamp, or what the reader typed when it failed validation.</summary>
    public CommentForm CommentForm { get; set; } = new();

    /// <summary>Name of the comment being replied to, when the form is a reply.</summary>
    public string? ReplyToName { get; set; }

    private static bool HasHeld(CommentViewModel comment) => comment.IsAwaitingModeration || comment.Replies.Any(HasHeld);

    /// <summary>The reader has just posted a comment that is held for moderation.</summary>
    public bool JustPostedHeld { get; set; }

    /// <summary>The reader has just posted a comment that was published at once.</summary>
    public bool JustPostedPublished { get; set; }
}
