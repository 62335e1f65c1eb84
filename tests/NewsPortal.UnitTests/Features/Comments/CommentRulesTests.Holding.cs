namespace NewsPortal.UnitTests.Features.Comments;

/// <summary>The comment rules that hold or pass a comment (links, keywords, pre-moderation, returning commenters), and which rule wins.</summary>
public sealed partial class CommentRulesTests
{
    /// <summary>
    /// Each row: the comment's link count (the rules allow 2), whether pre-moderation and auto-approving returning
    /// commenters are on, whether the commenter has an approved comment already; then the verdict and the words its
    /// reason must hold. No list of the rules holds anything.
    /// </summary>
    public static TheoryData<int, bool, bool, bool, CommentStatus, string[]> Holds => new()
    {
        // More links than the maximum are held, with the count and the maximum; exactly the maximum is not.
        { 3, false, false, false, CommentStatus.Pending, ["3 links", "2"] },
        { 2, false, false, false, CommentStatus.Approved, [] },
        // A returning commenter is approved only while the option is on; a first comment follows pre-moderation.
        { 0, true, true, true, CommentStatus.Approved, ["approved comment"] },
        { 0, true, false, true, CommentStatus.Pending, [] },
        { 0, true, true, false, CommentStatus.Pending, ["pre-moderation is on"] },
        // Pre-moderation alone decides the rest.
        { 0, true, false, false, CommentStatus.Pending, ["pre-moderation is on"] },
        { 0, false, false, false, CommentStatus.Approved, ["pre-moderation is off"] },
        // Too many links hold even an approved regular.
        { 5, false, true, true, CommentStatus.Pending, ["5 links"] },
    };

    [Theory]
    [MemberData(nameof(Holds))]
    public void Evaluate_LinksPreModerationAndReturning_GiveTheVerdictWithItsReason(
        int links, bool preModeration, bool autoApprove, bool hasApprovedBefore, CommentStatus expected, string[] reasonSays)
    {
        var verdict = CommentRules.Evaluate(Comment(links: links), Rules(preModeration, autoApprove), hasApprovedBefore);

        Assert.Equal(expected, verdict.Status);
        Assert.All(reasonSays, words => Assert.Contains(words, verdict.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_DefaultOptions_HoldForModeration()
    {
        var verdict = CommentRules.Evaluate(Comment(), new CommentOptions(), hasApprovedBefore: false);

        Assert.Equal(CommentStatus.Pending, verdict.Status);
    }

    [Fact]
    public void Evaluate_BlocklistAndTooManyLinksAndAutoApprove_BlocklistWins()
    {
        var rules = Rules(autoApprove: true);
        rules.BlockedEmails.Add("@spam.example");
        rules.ModerationKeywords.Add("remark");

        var verdict = CommentRules.Evaluate(Comment(email: "x@spam.example", links: 9), rules, hasApprovedBefore: true);

        Assert.Equal(CommentStatus.Spam, verdict.Status);
    }

    [Fact]
    public void Evaluate_TooManyLinksAndKeyword_LinkReasonComesFirst()
    {
        var rules = Rules();
        rules.ModerationKeywords.Add("remark");

        var verdict = CommentRules.Evaluate(Comment(links: 5), rules, hasApprovedBefore: false);

        Assert.Equal(CommentStatus.Pending, verdict.Status);
        Assert.Contains("5 links", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_KeywordAndAutoApprove_KeywordHoldWins()
    {
        var rules = Rules(autoApprove: true);
        rules.ModerationKeywords.Add("remark");

        var verdict = CommentRules.Evaluate(Comment(), rules, hasApprovedBefore: true);

        Assert.Equal(CommentStatus.Pending, verdict.Status);
        Assert.Contains("remark", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BlockedWordAndBlockedEmail_BlockedWordReasonComesFirst()
    {
        var rules = Rules();
        rules.BlockedWords.Add("casino");
        rules.BlockedEmails.Add("@spam.example");

        var verdict = CommentRules.Evaluate(Comment("casino", email: "x@spam.example"), rules, hasApprovedBefore: false);

        Assert.Equal(CommentStatus.Spam, verdict.Status);
        Assert.Contains("casino", verdict.Reason, StringComparison.Ordinal);
    }
}
