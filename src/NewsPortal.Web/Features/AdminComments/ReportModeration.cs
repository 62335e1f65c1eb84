using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.AdminComments;

/// <summary>The grounds a moderator chooses from when taking a reported comment down (part of the statement of reasons).</summary>
public static class DecisionGrounds
{
    public static readonly IReadOnlyList<string> All =
    [
        "Illegal content",
        "Harassment or abuse",
        "Spam or advertising",
        "Off-topic",
        "Personal information about someone",
        "Breaks the community rules",
    ];

    /// <summary>The ground that matches what most readers reported, preselected for the moderator.</summary>
    public static string SuggestedFor(IEnumerable<ReportReason> reasons)
    {
        var top = reasons.GroupBy(r => r).OrderByDescending(g => g.Key == ReportReason.Illegal).ThenByDescending(g => g.Count()).Select(g => (ReportReason?)g.Key).FirstOrDefault();
        return top switch
        {
            ReportReason.Illegal => All[0],
            ReportReason.Abuse => All[1],
            ReportReason.Spam => All[2],
            ReportReason.OffTopic => All[3],
            _ => All[5],
        };
    }

    public static string? Parse(string? value) => All.FirstOrDefault(g => string.Equals(g, value?.Trim(), StringComparison.Ordinal));
}

public sealed class ReportDecisionForm
{
    /// <summary>The comment's version on the moderator's screen; a newer one means someone else decided first.</summary>
    public int Version { get; set; }

    public string? Ground { get; set; }

    [StringLength(FieldLengths.DecisionStatement, ErrorMessage = "Please keep the statement under {1} characters.")]
    public string? Statement { get; set; }
}

public enum DecisionOutcome
{
    Decided,
    NotFound,

    /// <summary>Another moderator decided (or the comment changed) after this page was loaded: nothing was done.</summary>
    AlreadyHandled,

    /// <summary>Hiding or removing needs a ground from the list.</summary>
    GroundMissing,
}

/// <summary>One report as the moderator reads it.</summary>
/// <param name="CreatedAt">UTC.</param>
public sealed record ReportLine(int CommentId, ReportReason Reason, string? Explanation, DateTime CreatedAt, bool HasEmail);

public sealed class ReportedItem
{
    public required QueueItem Comment { get; init; }
    public required IReadOnlyList<ReportLine> Reports { get; init; }
    public bool IsIllegal { get; init; }
    public required string SuggestedGround { get; init; }
}

public sealed class ReportedQueueViewModel
{
    public required StatusCounts Counts { get; init; }
    public required PagedList<ReportedItem> Items { get; init; }
    public int ReportedCount { get; init; }
}

/// <summary>One month of the transparency summary.</summary>
public sealed record TransparencyMonth(int Year, int Month, int Received, int Decided, TimeSpan? MedianTimeToDecision, int Dismissed, int Hidden, int Removed);

public sealed class TransparencyViewModel
{
    public required IReadOnlyList<TransparencyMonth> Months { get; init; }
}
