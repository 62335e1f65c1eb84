namespace NewsPortal.Web.Infrastructure.Telemetry;

/// <summary>Comment posts, moderation decisions and reader reports.</summary>
public static partial class SiteMetrics
{
    public static void CommentPosted(string outcome, string rule) =>
        CommentsPosted.Add(1, new("outcome", outcome), new("rule", rule));

    /// <summary>A post that did not get as far as the rules: <paramref name="reason"/> is the refusal's kind.</summary>
    public static void CommentRefused(string reason) => CommentPosted("refused", reason);

    /// <summary>A stored (or duplicate) post, classified from what the rules decided.</summary>
    public static void CommentStored(CommentStatus status, string reason, bool created) =>
        CommentPosted(
            !created ? "duplicate"
            : status switch
            {
                CommentStatus.Approved => "published",
                CommentStatus.Pending => "held",
                CommentStatus.Spam => "spam",
                _ => "other",
            },
            created ? CommentRuleNames.Of(reason) : "duplicate");

    /// <param name="age">The comment's age at the decision; a decision on a held comment is its wait.</param>
    public static void CommentDecided(CommentStatus from, CommentStatus to, TimeSpan age)
    {
        CommentsDecided.Add(1, new("from", StatusLabel(from)), new("to", StatusLabel(to)));
        if (from == CommentStatus.Pending)
        {
            DecisionSeconds.Record(Math.Max(0, age.TotalSeconds), new KeyValuePair<string, object?>("to", StatusLabel(to)));
        }
    }

    public static void ReportReceived() => ReportsReceived.Add(1);

    public static void ReportsDecidedAs(ReportDecision decision, int reports) =>
        ReportsDecided.Add(reports, new KeyValuePair<string, object?>("decision", decision switch
        {
            ReportDecision.Dismissed => "dismissed",
            ReportDecision.Hidden => "hidden",
            ReportDecision.Removed => "removed",
            _ => "other",
        }));

    internal static string StatusLabel(CommentStatus status) => status switch
    {
        CommentStatus.Pending => "pending",
        CommentStatus.Approved => "approved",
        CommentStatus.Spam => "spam",
        CommentStatus.Rejected => "rejected",
        CommentStatus.Trash => "trash",
        _ => "other",
    };
}
