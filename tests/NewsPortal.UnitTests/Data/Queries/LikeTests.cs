namespace NewsPortal.UnitTests.Data.Queries;

public sealed class LikeTests
{
    [Theory]
    [InlineData("100%", "100\\%")]
    [InlineData("snake_case", "snake\\_case")]
    [InlineData("[abc]", "\\[abc]")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("plain", "plain")]
    public void Escape_MakesEveryWildcardLiteral(string term, string expected) =>
        Assert.Equal(expected, Like.Escape(term));
}
