namespace NewsPortal.UnitTests.Infrastructure.Telemetry;

/// <summary>
/// The metrics label for a rule comes from the opening words of the rules' own reasons: each rule, run for real, must
/// land on its fixed word, and the words quoted from the comment must not reach the label.
/// </summary>
public sealed class CommentRuleNamesTests
{
    private const string Secret = "zz-secret-7f3a";

    public static TheoryData<string, string> Cases => new()
    {
        { "blocked_word", "blocked_word" },
        { "blocked_email", "blocked_email" },
        { "blocked_ip", "blocked_ip" },
        { "always_hold_email", "always_hold_email" },
        { "too_many_links", "too_many_links" },
        { "moderation_keyword", "moderation_keyword" },
        { "previously_approved", "previously_approved" },
        { "pre_moderation", "pre_moderation" },
        { "none", "none" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Of_EachRulesOwnReason_IsItsFixedWord(string rule, string expected)
    {
        var options = new CommentOptions { PreModeration = rule == "pre_moderation", AutoApprovePreviouslyApproved = rule == "previously_approved", MaxLinks = 2 };
        var email = $"{Secret}@example.com";
        var ip = "203.0.113.99";
        switch (rule)
        {
            case "blocked_word": options.BlockedWords.Add(Secret); break;
            case "blocked_email": options.BlockedEmails.Add(email); break;
            case "blocked_ip": options.BlockedIps.Add(ip); break;
            case "always_hold_email": options.HeldEmails.Add(email); break;
            case "moderation_keyword": options.ModerationKeywords.Add(Secret); break;
        }

        var verdict = CommentRules.Evaluate(
            new CommentSubmission("Ada", email, $"Text with {Secret}.", rule == "too_many_links" ? 5 : 0, ip), options, hasApprovedBefore: true);
        var label = CommentRuleNames.Of(verdict.Reason);

        Assert.Equal(expected, label);
        Assert.DoesNotContain(Secret, label, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_AReasonItDoesNotKnow_IsOtherNotTheReason()
    {
        Assert.Equal("other", CommentRuleNames.Of($"Some new rule matched {Secret}."));
    }
}
