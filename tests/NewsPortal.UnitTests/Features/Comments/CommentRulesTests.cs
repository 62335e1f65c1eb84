namespace NewsPortal.UnitTests.Features.Comments;

/// <summary>The comment rules, by area: each list's entries here (blocked words, addresses and IPs, held addresses, moderation keywords); links, pre-moderation, returning commenters and precedence in CommentRulesTests.Holding.cs.</summary>
public sealed partial class CommentRulesTests
{
    private static CommentSubmission Comment(
        string body = "A thoughtful remark about the tram timetable.",
        string name = "Harriet Lowe",
        string email = "harriet@example.com",
        int links = 0,
        string? ip = "203.0.113.7") =>
        new(name, email, body, links, ip);

    private static CommentOptions Rules(bool preModeration = false, bool autoApprove = false) =>
        new() { PreModeration = preModeration, AutoApprovePreviouslyApproved = autoApprove, MaxLinks = 2 };

    /// <summary>A copy of <see cref="Comment"/> with one field set: "body", "name", "email" or "ip".</summary>
    private static CommentSubmission With(string field, string? value) => field switch
    {
        "body" => Comment(body: value!),
        "name" => Comment(name: value!),
        "email" => Comment(email: value!),
        "ip" => Comment(ip: value),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "body, name, email or ip"),
    };

    /// <summary>One of the rules' lists, by its option's name.</summary>
    private static List<string> List(CommentOptions rules, string name) => name switch
    {
        nameof(CommentOptions.BlockedWords) => rules.BlockedWords,
        nameof(CommentOptions.BlockedEmails) => rules.BlockedEmails,
        nameof(CommentOptions.BlockedIps) => rules.BlockedIps,
        nameof(CommentOptions.HeldEmails) => rules.HeldEmails,
        nameof(CommentOptions.ModerationKeywords) => rules.ModerationKeywords,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "a list of CommentOptions"),
    };

    /// <summary>
    /// Each row: one list of the rules holds the entries (separated by <c>|</c>), the comment has one field set, and
    /// the verdict is the status given, its reason naming <paramref name="named"/> (a word or address entry as the
    /// moderator wrote it, an IP as the comment came from it). Pre-moderation is off, so a comment no list catches is
    /// approved, and says so.
    /// </summary>
    [Theory]
    [InlineData(nameof(CommentOptions.BlockedWords), "casino", "body", "Visit my online casino today", CommentStatus.Spam, "casino")]
    [InlineData(nameof(CommentOptions.BlockedWords), "cheap pills", "name", "Cheap Pills Shop", CommentStatus.Spam, "cheap pills")]
    [InlineData(nameof(CommentOptions.BlockedWords), "  | CaSiNo ", "body", "best CASINO bonus", CommentStatus.Spam, "CaSiNo")]
    [InlineData(nameof(CommentOptions.BlockedEmails), "Spammer@Example.com", "email", "spammer@example.com", CommentStatus.Spam, "Spammer@Example.com")]
    [InlineData(nameof(CommentOptions.BlockedEmails), "spammer@example.com", "email", "not-spammer@example.com", CommentStatus.Approved, null)]
    [InlineData(nameof(CommentOptions.BlockedEmails), "@spam.example", "email", "anyone@spam.example", CommentStatus.Spam, "@spam.example")]
    [InlineData(nameof(CommentOptions.BlockedEmails), "@spam.example", "email", "Someone.Else@SPAM.example", CommentStatus.Spam, "@spam.example")]
    [InlineData(nameof(CommentOptions.BlockedEmails), "@spam.example", "email", "reader@notspam.example", CommentStatus.Approved, null)]
    [InlineData(nameof(CommentOptions.BlockedIps), " 198.51.100.23 ", "ip", "198.51.100.23", CommentStatus.Spam, "198.51.100.23")]
    [InlineData(nameof(CommentOptions.BlockedIps), "2001:DB8::1", "ip", "2001:db8::1", CommentStatus.Spam, "2001:db8::1")]
    [InlineData(nameof(CommentOptions.BlockedIps), "198.51.100.23", "ip", null, CommentStatus.Approved, null)]
    [InlineData(nameof(CommentOptions.ModerationKeywords), "lawsuit", "body", "There will be a LAWSUIT about this.", CommentStatus.Pending, "lawsuit")]
    [InlineData(nameof(CommentOptions.HeldEmails), "@watched.example", "email", "someone@Watched.example", CommentStatus.Pending, "always-hold")]
    public void Evaluate_OneListsEntries_GiveTheListsVerdictNamingTheEntry(string list, string entries, string field, string? value, CommentStatus expected, string? named)
    {
        var rules = Rules();
        List(rules, list).AddRange(entries.Split('|'));

        var verdict = CommentRules.Evaluate(With(field, value), rules, hasApprovedBefore: false);

        Assert.Equal(expected, verdict.Status);
        Assert.Contains(named ?? "pre-moderation is off", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AlwaysHoldEmail_IsHeldEvenForAnApprovedRegular()
    {
        var rules = Rules(autoApprove: true);
        rules.HeldEmails.Add("@watched.example");

        var held = CommentRules.Evaluate(Comment(email: "someone@Watched.example"), rules, hasApprovedBefore: true);
        var other = CommentRules.Evaluate(Comment(email: "someone@elsewhere.example"), rules, hasApprovedBefore: true);

        Assert.Equal(CommentStatus.Pending, held.Status);
        Assert.Contains("always-hold", held.Reason, StringComparison.Ordinal);
        Assert.Equal(CommentStatus.Approved, other.Status);
    }

    [Fact]
    public void Evaluate_ErasedEntries_MatchTheKeyedHashOnly_NeverAnAddressThatLooksLikeThem()
    {
        var rules = Rules();
        rules.BlockedEmails.Add(CommentRules.ErasedPrefix + "ab12");
        rules.HeldEmails.Add(CommentRules.ErasedPrefix + "cd34");

        Assert.Equal(CommentStatus.Spam, CommentRules.Evaluate(Comment() with { ErasedKey = CommentRules.ErasedPrefix + "AB12" }, rules, hasApprovedBefore: false).Status);
        Assert.Equal(CommentStatus.Pending, CommentRules.Evaluate(Comment() with { ErasedKey = CommentRules.ErasedPrefix + "cd34" }, rules, hasApprovedBefore: false).Status);
        Assert.Equal(CommentStatus.Approved, CommentRules.Evaluate(Comment(email: CommentRules.ErasedPrefix + "ab12"), rules, hasApprovedBefore: false).Status);
        Assert.Equal(CommentStatus.Approved, CommentRules.Evaluate(Comment(), rules, hasApprovedBefore: false).Status);
    }
}
