namespace NewsPortal.UnitTests.Features.Shared;

public sealed class TimeTagHelperTests
{
    [Theory]
    [InlineData(10, "just now")]
    [InlineData(60, "1 minute ago")]
    [InlineData(150, "2 minutes ago")]
    [InlineData(3600 * 5, "5 hours ago")]
    [InlineData(86400, "1 day ago")]
    [InlineData(86400 * 45, "1 month ago")]
    [InlineData(86400 * 800, "2 years ago")]
    public void Ago_Elapsed_ReadsNaturally(int seconds, string expected) =>
        Assert.Equal(expected, TimeTagHelper.Ago(TimeSpan.FromSeconds(seconds)));
}
