namespace NewsPortal.UnitTests.Features.Search;

public sealed class SearchServiceTests
{
    [Fact]
    public void Normalize_OverlongQuery_IsTrimmedAndCut()
    {
        var normalized = SearchService.Normalize("  " + new string('x', 500) + "  ");

        Assert.Equal(100, normalized.Length);
    }
}
