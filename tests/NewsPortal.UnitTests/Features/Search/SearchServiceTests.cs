using NewsPortal.Web.Features.Search;

namespace NewsPortal.UnitTests.Features.Search;

public sealed class SearchServiceTests
{
    [Theory]
    [InlineData("100%", "100\\%")]
    [InlineData("snake_case", "snake\\_case")]
    [InlineData("[abc]", "\\[abc]")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("plain", "plain")]
    public void EscapeLike_Wildcards_AreEscaped(string term, string expected) =>
        Assert.Equal(expected, NewsPortal.Web.Data.Queries.Like.Escape(term));

    [Fact]
    public void Normalize_OverlongQuery_IsTrimmedAndCut()
    {
        var normalized = SearchService.Normalize("  " + new string('x', 500) + "  ");

        Assert.Equal(100, normalized.Length);
    }
}
