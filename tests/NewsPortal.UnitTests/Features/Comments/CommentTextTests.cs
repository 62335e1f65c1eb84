namespace NewsPortal.UnitTests.Features.Comments;

public sealed class CommentTextTests
{
    [Theory]
    [InlineData("  Harriet Lowe  ", "Harriet Lowe")]
    [InlineData("Harriet   \t  Lowe", "Harriet Lowe")]
    [InlineData("Harriet\u00A0\u2003Lowe", "Harriet Lowe")]
    [InlineData(" \t ", "")]
    public void CleanName_Whitespace_IsTrimmedAndCollapsed(string name, string expected) =>
        Assert.Equal(expected, CommentText.CleanName(name));

    [Fact]
    public void CleanName_DecomposedAccent_IsNormalisedToNfc()
    {
        var name = CommentText.CleanName("Rene\u0301e");

        Assert.Equal("Ren\u00E9e", name);
        Assert.Equal(5, name.Length);
    }

    [Theory]
    [InlineData("Ann\u202Egol.exe", "Anngol.exe")]
    [InlineData("\u202Aleft\u202C \u202Bright\u202C", "left right")]
    [InlineData("\u2066iso\u2069 \u2067late\u2069 \u2068x\u2069", "iso late x")]
    [InlineData("\u200Eltr\u200F\u061C", "ltr")]
    public void CleanName_BidiControls_AreRemoved(string name, string expected) =>
        Assert.Equal(expected, CommentText.CleanName(name));

    [Theory]
    [InlineData("Ha\u200Brriet", "Harriet")]
    [InlineData("Ha\u200Drriet", "Harriet")]
    [InlineData("Ha\u200Crriet", "Harriet")]
    [InlineData("\uFEFFHarriet", "Harriet")]
    [InlineData("Har\u2060riet\u00AD", "Harriet")]
    public void CleanName_ZeroWidthCharacters_AreRemoved(string name, string expected) =>
        Assert.Equal(expected, CommentText.CleanName(name));

    [Theory]
    [InlineData("Har\0riet", "Harriet")]
    [InlineData("Har\u0007ri\u001Bet\u007F", "Harriet")]
    [InlineData("Harriet\u0085", "Harriet")]
    public void CleanName_ControlCharacters_AreRemoved(string name, string expected) =>
        Assert.Equal(expected, CommentText.CleanName(name));

    [Theory]
    [InlineData("\u200B\u200D\uFEFF")]
    [InlineData("\u202E\u202D\u2066\u2069")]
    [InlineData(" \u200B \u0000 \u200F ")]
    [InlineData(null)]
    [InlineData("")]
    public void CleanName_OnlyInvisibleCharacters_IsEmpty(string? name) =>
        Assert.Equal(string.Empty, CommentText.CleanName(name));

    [Fact]
    public void CleanBody_NewLines_AreKeptAndNormalised()
    {
        var body = CommentText.CleanBody("  First\r\nsecond\rthird\n\nfourth  \n");

        Assert.Equal("First\nsecond\nthird\n\nfourth", body);
    }

    [Fact]
    public void CleanBody_EmojiJoiner_IsKept()
    {
        const string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";

        Assert.Equal("Our " + family + " agrees", CommentText.CleanBody("Our " + family + " agrees"));
    }

    [Fact]
    public void CleanBody_BidiAndControlCharacters_AreRemoved()
    {
        var body = CommentText.CleanBody("Read\u202E this\u202C\0 now\u0007\u200B\u2067!\u2069\uFEFF");

        Assert.Equal("Read this now!", body);
    }

    [Fact]
    public void CleanBody_Tab_BecomesSpace()
    {
        Assert.Equal("a b", CommentText.CleanBody("a\tb"));
    }

    [Fact]
    public void CleanBody_DecomposedAccent_IsNormalisedToNfc()
    {
        Assert.Equal("caf\u00E9", CommentText.CleanBody("cafe\u0301"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \r\n\t ")]
    public void CleanBody_Blank_IsEmpty(string? body) =>
        Assert.Equal(string.Empty, CommentText.CleanBody(body));

    [Theory]
    [InlineData("  Harriet.Lowe@Example.COM ", "harriet.lowe@example.com")]
    [InlineData("reader@example.com", "reader@example.com")]
    [InlineData("\u200Breader@exa\u202Emple.com\uFEFF", "reader@example.com")]
    [InlineData(null, "")]
    public void CleanEmail_Address_IsTrimmedAndLowercased(string? email, string expected) =>
        Assert.Equal(expected, CommentText.CleanEmail(email));
}
