namespace NewsPortal.Web.Features.Comments;

/// <summary>What the rules know about a comment being submitted (already cleaned and sanitized).</summary>
/// <param name="ErasedKey">The address's keyed hash (<see cref="CommentRulesSource.ErasedKeyAsync"/>), when a list holds erased entries.</param>
public sealed record CommentSubmission(string Name, string Email, string BodyText, int LinkCount, string? IpAddress, string? ErasedKey = null);

/// <summary>The rules' decision, with a reason a moderator can read.</summary>
public sealed record CommentVerdict(CommentStatus Status, string Reason);

/// <summary>
/// The moderation rules applied when a comment is submitted, strongest first: blocklists (spam), then the hold
/// rules (links, keywords), then the auto-approve rules. Pure, so each rule is tested on its own.
/// </summary>
public static class CommentRules
{
    /// <summary>
    /// A blocked or always-hold entry that is a keyed hash of an address whose owner had their data erased: the ban
    /// outlives the address.
    /// </summary>
    public const string ErasedPrefix = "erased:";

    public static CommentVerdict Evaluate(CommentSubmission comment, CommentOptions rules, bool hasApprovedBefore)
    {
        var text = comment.Name + "\n" + comment.BodyText;
        if (FindAny(text, rules.BlockedWords) is { } word)
        {
            return new(CommentStatus.Spam, $"Contains the blocked word “{word}”.");
        }

        if (IsBlockedEmail(comment, rules.BlockedEmails) is { } email)
        {
            return new(CommentStatus.Spam, $"The email matches the blocklist entry “{email}”.");
        }

        if (comment.IpAddress is { } ip && rules.BlockedIps.Any(b => string.Equals(b.Trim(), ip, StringComparison.OrdinalIgnoreCase)))
        {
            return new(CommentStatus.Spam, $"The IP address {ip} is blocklisted.");
        }

        if (IsBlockedEmail(comment, rules.HeldEmails) is { } held)
        {
            return new(CommentStatus.Pending, $"The email matches the always-hold entry “{held}”.");
        }

        if (comment.LinkCount > rules.MaxLinks)
        {
            return new(CommentStatus.Pending, $"Contains {comment.LinkCount} links (more than {rules.MaxLinks}).");
        }

        if (FindAny(text, rules.ModerationKeywords) is { } keyword)
        {
            return new(CommentStatus.Pending, $"Contains the moderation keyword “{keyword}”.");
        }

        if (rules.AutoApprovePreviouslyApproved && hasApprovedBefore)
        {
            return new(CommentStatus.Approved, "Approved automatically: this email has an approved comment.");
        }

        return rules.PreModeration
            ? new(CommentStatus.Pending, "Held for moderation (pre-moderation is on).")
            : new(CommentStatus.Approved, "Published at once (pre-moderation is off).");
    }

    private static string? FindAny(string text, IEnumerable<string> needles) =>
        needles.Select(n => n.Trim())
            .FirstOrDefault(n => n.Length > 0 && text.Contains(n, StringComparison.OrdinalIgnoreCase));

    private static string? IsBlockedEmail(CommentSubmission comment, IEnumerable<string> blocked) =>
        blocked.Select(b => b.Trim())
            .FirstOrDefault(b => b.Length > 0 && (b.StartsWith('@')
                ? comment.Email.EndsWith(b, StringComparison.OrdinalIgnoreCase)
                : b.StartsWith(ErasedPrefix, StringComparison.OrdinalIgnoreCase)
                    ? string.Equals(comment.ErasedKey, b, StringComparison.OrdinalIgnoreCase)
                    : string.Equals(comment.Email, b, StringComparison.OrdinalIgnoreCase)));
}
