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

/// <param name="ChangedBySomeoneElse">
/// With <see cref="ModerationOutcome.AlreadyHandled"/>: the comment had moved on from the version the moderator saw
/// (or was changed between loading and saving), as opposed to being in the requested state already.
/// </param>
public sealed record ModerationResult(
    ModerationOutcome Outcome, CommentStatus? From = null, CommentStatus? To = null, bool ChangedBySomeoneElse = false);

/// <summary>What a bulk action did with the ids it was sent.</summary>
/// <param name="Changed">Comments changed.</param>
/// <param name="ChangedBySomeoneElse">Skipped: changed by someone else since the moderator's page was loaded.</param>
/// <param name="AlreadyInThatState">Skipped: already where the action would move them (or no longer exist).</param>
/// <param name="NotProcessed">Ids past the most one request may change, left alone.</param>
public sealed record BulkModerationResult(int Changed, int ChangedBySomeoneElse, int AlreadyInThatState, int NotProcessed);

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
