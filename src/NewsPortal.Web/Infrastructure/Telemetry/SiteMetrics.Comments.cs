namespace NewsPortal.Web.Infrastructure.Telemetry;

/// <summary>Comment posts, moderation decisions and reader reports.</summary>
public static partial class SiteMetrics
{
    private static readonly Counter<long> CommentsPosted = Counter(
        "newsportal.comments.posted", "{comment}", "Comment posts by outcome (published, held, spam, duplicate, refused) and the rule or reason that decided it.");

    private static readonly Counter<long> CommentsDecided = Counter(
        "newsportal.comments.decided", "{comment}", "Moderation decisions on one comment, by the status it left and the status it got.");

    private static readonly Histogram<double> DecisionSeconds = Histogram(
        "newsportal.moderation.decision_seconds",
        "s",
        "How long a held comment waited for its first decision, by the status it got.",
        60, 300, 900, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86400, 2 * 86400, 7 * 86400);

    private static readonly Counter<long> ReportsReceived = Counter(
        "newsportal.reports.received", "{report}", "Reader reports of a comment that were stored (bots and repeats are not counted).");

    private static readonly Counter<long> ReportsDecided = Counter(
        "newsportal.reports.decided", "{report}", "Reader reports a moderator decided, by the decision (dismissed, hidden, removed).");

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
