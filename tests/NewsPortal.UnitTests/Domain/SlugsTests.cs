namespace NewsPortal.UnitTests.Domain;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("Hello World", "hello-world")]
    [InlineData("  Café culture: the return!  ", "cafe-culture-the-return")]
    [InlineData("Port Ellery’s new quay", "port-ellerys-new-quay")]
    [InlineData("£1.1bn tram -- approved", "1-1bn-tram-approved")]
    [InlineData("Ça va? Ñandú", "ca-va-nandu")]
    [InlineData("!!!", "")]
    public void From_Text_MakesLowercaseHyphenatedAscii(string text, string expected) =>
        Assert.Equal(expected, Slugs.From(text));

    [Fact]
    public void From_LongText_IsCutAtTheLimitWithoutATrailingHyphen()
    {
        var slug = Slugs.From(string.Join(' ', Enumerable.Repeat("word", 100)));

        Assert.True(slug.Length <= FieldLengths.Slug);
        Assert.False(slug.EndsWith('-'));
    }
}
