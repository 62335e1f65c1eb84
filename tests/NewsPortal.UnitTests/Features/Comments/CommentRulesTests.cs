namespace NewsPortal.UnitTests.Features.Comments;

/// <summary>The comment rules, by area: the blocklists here (words, addresses, IPs); holding and precedence in CommentRulesTests.Holding.cs.</summary>
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

    [Fact]
    public void Evaluate_BlockedWordInBody_IsSpamNamingTheWord()
    {
        var rules = Rules();
        rules.BlockedWords.Add("casino");

        var verdict = CommentRules.Evaluate(Comment("Visit my online casino today"), rules, hasApprovedBefore: false);

        Assert.Equal(CommentStatus.Spam, verdict.Status);
        Assert.Contains("casino", verdict.Reason, StringComparison.Ordinal);
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
    public void Evaluate_BlockedWordInName_IsSpam()
    {
        var rules = Rules();
        rules.BlockedWords.Add("cheap pills");

        var verdict = CommentRules.Evaluate(Comment(name: "Cheap Pills Shop"), rules, hasApprovedBefore: false);

        Assert.Equal(CommentStatus.Spam, verdict.Status);
        Assert.Contains("cheap pills", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BlockedWord_IgnoresCaseAndSurroundingSpaces()
    {
        var rules = Rules();
        rules.BlockedWords.AddRange(["  ", " CaSiNo "]);

        var verdict = CommentRules.Evaluate(Comment("best CASINO bonus"), rules, hasApprovedBefore: false);

        Assert.Equal(CommentStatus.Spam, verdict.Status);
        Assert.Contains("CaSiNo", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BlockedEmailExact_IsSpamNamingTheEntry()
    {
        var rules = Rules();
        rules.BlockedEmails.Add("Spammer@Example.com");

        var verdict = CommentRules.Evaluate(Comment(email: "spammer@example.com"), rules, hasApprovedBefore: false);

        Assert.Equal(CommentStatus.Spam, verdict.Status);
        Assert.Contains("Spammer@Example.com", verdict.Reason, StringComparison.Ordinal);
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

    [Fact]
    public void Evaluate_BlockedEmailExact_DoesNotMatchOtherAddresses()
    {
        var rules = Rules();
        rules.BlockedEmails.Add("spammer@example.com");

        var verdict = CommentRules.Evaluate(Comment(email: "not-spammer@example.com"), rules, hasApprovedBefore: false);

        Assert.Equal(CommentStatus.Approved, verdict.Status);
    }

    [Theory]
    [InlineData("anyone@spam.example")]
    [InlineData("Someone.Else@SPAM.example")]
    public void Evaluate_BlockedEmailDomain_IsSpam(string email)
    {
        var rules = Rules();
        rules.BlockedEmails.Add("@spam.example");

        var verdict = CommentRules.Evaluate(Comment(email: email), rules, hasApprovedBefore: false);

        Assert.Equal(CommentStatus.Spam, verdict.Status);
        Assert.Contains("@spam.example", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BlockedEmailDomain_DoesNotMatchALongerDomain()
    {
        var rules = Rules();
        rules.BlockedEmails.Add("@spam.example");

        var verdict = CommentRules.Evaluate(Comment(email: "reader@notspam.example"), rules, hasApprovedBefore: false);

        Assert.Equal(CommentStatus.Approved, verdict.Status);
    }

    [Fact]
    public void Evaluate_BlockedIp_IsSpamNamingTheAddress()
    {
        var rules = Rules();
        rules.BlockedIps.Add(" 198.51.100.23 ");

        var verdict = CommentRules.Evaluate(Comment(ip: "198.51.100.23"), rules, hasApprovedBefore: false);

        Assert.Equal(CommentStatus.Spam, verdict.Status);
        Assert.Contains("198.51.100.23", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BlockedIpv6_IgnoresCase()
    {
        var rules = Rules();
        rules.BlockedIps.Add("2001:DB8::1");

        var verdict = CommentRules.Evaluate(Comment(ip: "2001:db8::1"), rules, hasApprovedBefore: false);

        Assert.Equal(CommentStatus.Spam, verdict.Status);
    }

    [Fact]
    public void Evaluate_UnknownIp_IsNotBlocked()
    {
        var rules = Rules();
        rules.BlockedIps.Add("198.51.100.23");

        var verdict = CommentRules.Evaluate(Comment(ip: null), rules, hasApprovedBefore: false);

        Assert.Equal(CommentStatus.Approved, verdict.Status);
    }
}
