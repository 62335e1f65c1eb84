namespace NewsPortal.UnitTests.Features.Comments;

public sealed class CommentTextTests
{
    private const string Name = "name";
    private const string Body = "body";

    /// <summary>
    /// Each name and body and what is left of it: every rule <see cref="CommentText.CleanName"/> and
    /// <see cref="CommentText.CleanBody"/> apply (what they keep, turn and remove), one group of rows each.
    /// </summary>
    public static TheoryData<string, string, string> Cleaned => new()
    {
        // Names: whitespace is trimmed, and runs of it (tabs, no-break and em spaces) collapse to one space.
        { Name, "  Harriet Lowe  ", "Harriet Lowe" },
        { Name, "Harriet   \t  Lowe", "Harriet Lowe" },
        { Name, "Harriet\u00A0\u2003Lowe", "Harriet Lowe" },
        { Name, " \t ", "" },
        // Bidi controls (overrides, embeddings, isolates, marks) are removed.
        { Name, "Ann\u202Egol.exe", "Anngol.exe" },
        { Name, "\u202Aleft\u202C \u202Bright\u202C", "left right" },
        { Name, "\u2066iso\u2069 \u2067late\u2069 \u2068x\u2069", "iso late x" },
        { Name, "\u200Eltr\u200F\u061C", "ltr" },
        // Zero-width characters (spaces, joiners, the BOM, word joiner, soft hyphen) are removed.
        { Name, "Ha\u200Brriet", "Harriet" },
        { Name, "Ha\u200Drriet", "Harriet" },
        { Name, "Ha\u200Crriet", "Harriet" },
        { Name, "\uFEFFHarriet", "Harriet" },
        { Name, "Har\u2060riet\u00AD", "Harriet" },
        // Control characters are removed.
        { Name, "Har\0riet", "Harriet" },
        { Name, "Har\u0007ri\u001Bet\u007F", "Harriet" },
        { Name, "Harriet\u0085", "Harriet" },
        // Found by reviewing the sanitizer: a line break is whitespace, and tag characters (U+E0000 block) are invisible.
        { Name, "Ann\nLee", "Ann Lee" },
        { Name, "Ann\r\nLee", "Ann Lee" },
        { Name, "\U000E0041\U000E0042", "" },
        { Name, "Ann\U000E0041", "Ann" },
        // Bodies: new lines are kept, in one form; the ends are trimmed.
        { Body, "  First\r\nsecond\rthird\n\nfourth  \n", "First\nsecond\nthird\n\nfourth" },
        // The zero-width joiner inside an emoji sequence is kept.
        { Body, "Our \U0001F468\u200D\U0001F469\u200D\U0001F467 agrees", "Our \U0001F468\u200D\U0001F469\u200D\U0001F467 agrees" },
        // Bidi controls, control characters and other zero-width characters are removed.
        { Body, "Read\u202E this\u202C\0 now\u0007\u200B\u2067!\u2069\uFEFF", "Read this now!" },
        // A tab becomes a space.
        { Body, "a\tb", "a b" },
        // A decomposed accent is normalised to NFC.
        { Body, "cafe\u0301", "caf\u00E9" },
    };

    [Theory]
    [MemberData(nameof(Cleaned))]
    public void Clean_NameOrBody_CollapsesOrRemovesWhatIsInvisible_AndKeepsTheRest(string field, string text, string expected) =>
        Assert.Equal(expected, field == Name ? CommentText.CleanName(text) : CommentText.CleanBody(text));

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
