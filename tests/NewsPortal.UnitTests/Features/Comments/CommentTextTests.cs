namespace NewsPortal.UnitTests.Features.Comments;

public sealed class CommentTextTests
{
    /// <summary>Each name and what is left of it: every rule <see cref="CommentText.CleanName"/> applies, one group each.</summary>
    public static TheoryData<string, string> Names => new()
    {
        // Whitespace is trimmed, and runs of it (tabs, no-break and em spaces) collapse to one space.
        { "  Harriet Lowe  ", "Harriet Lowe" },
        { "Harriet   \t  Lowe", "Harriet Lowe" },
        { "Harriet\u00A0\u2003Lowe", "Harriet Lowe" },
        { " \t ", "" },
        // Bidi controls (overrides, embeddings, isolates, marks) are removed.
        { "Ann\u202Egol.exe", "Anngol.exe" },
        { "\u202Aleft\u202C \u202Bright\u202C", "left right" },
        { "\u2066iso\u2069 \u2067late\u2069 \u2068x\u2069", "iso late x" },
        { "\u200Eltr\u200F\u061C", "ltr" },
        // Zero-width characters (spaces, joiners, the BOM, word joiner, soft hyphen) are removed.
        { "Ha\u200Brriet", "Harriet" },
        { "Ha\u200Drriet", "Harriet" },
        { "Ha\u200Crriet", "Harriet" },
        { "\uFEFFHarriet", "Harriet" },
        { "Har\u2060riet\u00AD", "Harriet" },
        // Control characters are removed.
        { "Har\0riet", "Harriet" },
        { "Har\u0007ri\u001Bet\u007F", "Harriet" },
        { "Harriet\u0085", "Harriet" },
        // Found by reviewing the sanitizer: a line break is whitespace, and tag characters (U+E0000 block) are invisible.
        { "Ann\nLee", "Ann Lee" },
        { "Ann\r\nLee", "Ann Lee" },
        { "\U000E0041\U000E0042", "" },
        { "Ann\U000E0041", "Ann" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void CleanName_WhitespaceAndInvisibleCharacters_AreCollapsedOrRemoved(string name, string expected) =>
        Assert.Equal(expected, CommentText.CleanName(name));

    [Fact]
    public void CleanName_DecomposedAccent_IsNormalisedToNfc()
    {
        var name = CommentText.CleanName("Rene\u0301e");

        Assert.Equal("Ren\u00E9e", name);
        Assert.Equal(5, name.Length);
    }

    [Theory]
    [InlineData("\u200B\u200D\uFEFF")]
    [InlineData("\u202E\u202D\u2066\u2069")]
    [InlineData(" \u200B \u0000 \u200F ")]
    [InlineData(null)]
    [InlineData("")]
    public void CleanName_OnlyInvisibleCharacters_IsEmpty(string? name) =>
        Assert.Equal(string.Empty, CommentText.CleanName(name));

    /// <summary>Each body and what is left of it: what <see cref="CommentText.CleanBody"/> keeps, turns and removes, one group each.</summary>
    public static TheoryData<string, string> Bodies => new()
    {
        // New lines are kept, in one form; the ends are trimmed.
        { "  First\r\nsecond\rthird\n\nfourth  \n", "First\nsecond\nthird\n\nfourth" },
        // The zero-width joiner inside an emoji sequence is kept.
        { "Our \U0001F468\u200D\U0001F469\u200D\U0001F467 agrees", "Our \U0001F468\u200D\U0001F469\u200D\U0001F467 agrees" },
        // Bidi controls, control characters and other zero-width characters are removed.
        { "Read\u202E this\u202C\0 now\u0007\u200B\u2067!\u2069\uFEFF", "Read this now!" },
        // A tab becomes a space.
        { "a\tb", "a b" },
        // A decomposed accent is normalised to NFC.
        { "cafe\u0301", "caf\u00E9" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void CleanBody_Text_KeepsLinesAndJoinersAndRemovesWhatIsInvisible(string body, string expected) =>
        Assert.Equal(expected, CommentText.CleanBody(body));

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
