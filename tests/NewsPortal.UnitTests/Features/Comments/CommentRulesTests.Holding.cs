namespace NewsPortal.UnitTests.Features.Comments;

/// <summary>The comment rules that hold or pass a comment (links, keywords, pre-moderation, returning commenters), and which rule wins.</summary>
public sealed partial class CommentRulesTests
{
    [Fact]
    public void Evaluate_MoreLinksThanMax_IsPendingWithTheCount()
    {
        var verdict = CommentRules.Evaluate(Comment(links: 3), Rules(), hasApprovedBefore: false);

        Assert.Equal(CommentStatus.Pending, verdict.Status);
        Assert.Contains("3 links", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("2", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ExactlyMaxLinks_IsNotHeld()
    {
        var verdict = CommentRules.Evaluate(Comment(links: 2), Rules(), hasApprovedBefore: false);

        Assert.Equal(CommentStatus.Approved, verdict.Status);
    }

    [Fact]
    public void Evaluate_PreviouslyApprovedAndOptionOn_IsApproved()
    {
        var verdict = CommentRules.Evaluate(Comment(), Rules(preModeration: true, autoApprove: true), hasApprovedBefore: true);

        Assert.Equal(CommentStatus.Approved, verdict.Status);
        Assert.Contains("approved comment", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PreviouslyApprovedAndOptionOff_FollowsPreModeration()
    {
        var verdict = CommentRules.Evaluate(Comment(), Rules(preModeration: true, autoApprove: false), hasApprovedBefore: true);

        Assert.Equal(CommentStatus.Pending, verdict.Status);
    }

    [Fact]
    public void Evaluate_OptionOnButNeverApproved_FollowsPreModeration()
    {
        var verdict = CommentRules.Evaluate(Comment(), Rules(preModeration: true, autoApprove: true), hasApprovedBefore: false);

        Assert.Equal(CommentStatus.Pending, verdict.Status);
        Assert.Contains("pre-moderation is on", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PreModerationOn_IsPending()
    {
        var verdict = CommentRules.Evaluate(Comment(), Rules(preModeration: true), hasApprovedBefore: false);

        Assert.Equal(CommentStatus.Pending, verdict.Status);
        Assert.Contains("pre-moderation is on", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PreModerationOff_IsApproved()
    {
        var verdict = CommentRules.Evaluate(Comment(), Rules(preModeration: false), hasApprovedBefore: false);

        Assert.Equal(CommentStatus.Approved, verdict.Status);
        Assert.Contains("pre-moderation is off", verdict.Reason, StringComparison.Ordinal);
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
    public void Evaluate_TooManyLinksAndAutoApprove_LinkHoldWins()
    {
        var verdict = CommentRules.Evaluate(Comment(links: 5), Rules(autoApprove: true), hasApprovedBefore: true);

        Assert.Equal(CommentStatus.Pending, verdict.Status);
        Assert.Contains("5 links", verdict.Reason, StringComparison.Ordinal);
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
