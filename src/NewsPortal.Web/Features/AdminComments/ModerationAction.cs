using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.AdminComments;

public enum ModerationAction
{
    Approve,
    Reject,
    Spam,
    Trash,
    Restore,
}

public enum ModerationOutcome
{
    Changed,
    NotFound,

    /// <summary>Someone else changed it first, or it is already in the requested state: nothing was done.</summary>
    AlreadyHandled,

    /// <summary>A staff reply was refused: the comment it answers is not published, so readers could not see it.</summary>
    ParentNotPublished,
}

public sealed record ModerationResult(ModerationOutcome Outcome, CommentStatus? From = null, CommentStatus? To = null);

public static class ModerationActions
{
    public static bool TryParse(string? value, out ModerationAction action) =>
        Enum.TryParse(value, ignoreCase: true, out action) && Enum.IsDefined(action);

    /// <summary>The status an action moves a comment to; Restore goes back to where it was before it was binned.</summary>
    public static CommentStatus Target(ModerationAction action, CommentStatus restoreTo) => action switch
    {
        ModerationAction.Approve => CommentStatus.Approved,
        ModerationAction.Reject => CommentStatus.Rejected,
        ModerationAction.Spam => CommentStatus.Spam,
        ModerationAction.Trash => CommentStatus.Trash,
        ModerationAction.Restore => restoreTo,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    public static string PastTense(ModerationAction action) => action switch
    {
        ModerationAction.Approve => "approved",
        ModerationAction.Reject => "rejected",
        ModerationAction.Spam => "marked as spam",
        ModerationAction.Trash => "moved to the bin",
        _ => "restored",
    };
}
