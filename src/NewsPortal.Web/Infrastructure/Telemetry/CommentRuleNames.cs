namespace NewsPortal.Web.Infrastructure.Telemetry;

/// <summary>
/// The rule behind a comment's verdict, as a fixed word. The verdict's reason is a sentence for moderators that quotes
/// the matched address, IP or word, so it is never a label; its opening words name the rule.
/// </summary>
internal static class CommentRuleNames
{
    private static readonly (string Start, string Rule)[] Rules =
    [
        ("Contains the blocked word", "blocked_word"),
        ("The email matches the blocklist", "blocked_email"),
        ("The IP address", "blocked_ip"),
        ("The email matches the always-hold", "always_hold_email"),
        ("Contains the moderation keyword", "moderation_keyword"),
        ("Approved automatically", "previously_approved"),
        ("Held for moderation (pre-moderation", "pre_moderation"),
        ("Published at once", "none"),
        ("Bot check: the hidden honeypot", "honeypot"),
        ("Bot check: the form timestamp", "form_stamp"),
        ("Bot check: the form was shown", "form_expired"),
        ("Bot check: posted", "too_fast"),
    ];

    public static string Of(string reason)
    {
        foreach (var (start, rule) in Rules)
        {
            if (reason.StartsWith(start, StringComparison.Ordinal))
            {
                return rule;
            }
        }

        // "Contains 4 links (more than 3)." has its number in the middle.
        return reason.StartsWith("Contains ", StringComparison.Ordinal) && reason.Contains(" links ", StringComparison.Ordinal)
            ? "too_many_links"
            : "other";
    }
}
