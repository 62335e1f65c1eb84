namespace NewsPortal.UnitTests.Infrastructure.Sanitizing;

/// <summary>Cases found by reviewing the sanitizer: each failed before its fix.</summary>
public sealed class CommentSanitizerRegressionTests
{
    private static readonly CommentSanitizer Sanitizer = new();

    private static string Clean(string input) => Sanitizer.Sanitize(CommentText.CleanBody(input));

    [Theory]
    [InlineData("<a href=\"//evil.example/\">x</a>")]
    [InlineData("<a href=\"/admin/delete?id=1\">x</a>")]
    [InlineData("<a href=\"evil.example\">x</a>")]
    [InlineData("<a href=\"#top\">x</a>")]
    [InlineData("<a href=\"https:javascript:alert(1)\">x</a>")]
    public void Sanitize_LinkThatIsNotAbsoluteHttp_LosesItsHref(string input) =>
        Assert.Equal("<p><a>x</a></p>", Clean(input));

    [Fact]
    public void Sanitize_LineBreakInsideATag_IsWhiteSpaceNotAParagraph()
    {
        var html = Clean("<a\nhref=\"https://example.com/\">link text</a>");

        Assert.Equal("<p><a href=\"https://example.com/\" rel=\"nofollow ugc noopener\">link text</a></p>", html);
    }

    [Fact]
    public void CountLinks_AnchorsWithoutHref_AreNotLinks()
    {
        var html = Clean("<a>x</a> <a>y</a> <a href=\"javascript:alert(1)\">z</a>");

        Assert.Equal(0, CommentSanitizer.CountLinks(html));
    }

    [Fact]
    public void Sanitize_UrlWithBalancedParentheses_KeepsTheClosingOne()
    {
        var html = Clean("See https://en.wikipedia.org/wiki/Mercury_(planet). And (https://example.com/a).");

        Assert.Contains("href=\"https://en.wikipedia.org/wiki/Mercury_(planet)\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.com/a\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void CleanBody_JoinersUsedInSpelling_AreKept()
    {
        const string persian = "می\u200Cخواهم";

        Assert.Equal(persian, CommentText.CleanBody(persian));
    }
}
