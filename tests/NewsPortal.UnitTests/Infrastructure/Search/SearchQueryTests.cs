namespace NewsPortal.UnitTests.Infrastructure.Search;

public sealed class SearchQueryTests
{
    /// <summary>Reader's text, and the query it becomes for SQLite (FTS5) and for SQL Server (CONTAINS).</summary>
    public static TheoryData<string, string, string> QuotedTerms => new()
    {
        // Words, quoted phrases and prefixes; a hyphen joins the words it stands between into a phrase.
        { "council", "\"council\"", "\"council\"" },
        { "Harbour TRAM", "\"harbour\" \"tram\"", "\"harbour\" AND \"tram\"" },
        { "\"sea wall\" repairs", "\"sea wall\" \"repairs\"", "\"sea wall\" AND \"repairs\"" },
        { "harb*", "\"harb\"*", "\"harb*\"" },
        { "e-mail", "\"e mail\"", "\"e mail\"" },
        { "covid-19 rules", "\"covid 19\" \"rules\"", "\"covid 19\" AND \"rules\"" },
        // A term repeated, in any case, is searched once.
        { "tram TRAM harbour Tram", "\"tram\" \"harbour\"", "\"tram\" AND \"harbour\"" },
    };

    [Theory]
    [MemberData(nameof(QuotedTerms))]
    public void Parse_ReaderSyntax_BecomesQuotedTerms(string input, string fts5, string contains)
    {
        var query = SearchQuery.Parse(input);

        Assert.Equal(fts5, query.ToFts5());
        Assert.Equal(contains, query.ToContains());
    }

    [Theory]
    [InlineData("tram AND bus", "\"tram\" \"bus\"")]
    [InlineData("tram OR bus NOT car NEAR lorry", "\"tram\" \"bus\" \"car\" \"lorry\"")]
    [InlineData("rock and roll", "\"rock\" \"and\" \"roll\"")]
    [InlineData("headline:tram", "\"headline\" \"tram\"")]
    [InlineData("{headline body}: tram", "\"headline\" \"body\" \"tram\"")]
    [InlineData("^tram +bus -car (lorry)", "\"tram\" \"bus\" \"car\" \"lorry\"")]
    [InlineData("tram NEAR/3 bus", "\"tram\" \"near 3\" \"bus\"")]
    [InlineData("100% [a-z] snake_case", "\"100\" \"a z\" \"snake\" \"case\"")]
    public void Parse_Operators_AreDroppedOrQuotedAsWords(string input, string fts5) =>
        Assert.Equal(fts5, SearchQuery.Parse(input).ToFts5());

    [Theory]
    [InlineData("\"sea wall")]
    [InlineData("sea\" wall")]
    [InlineData("\"sea\" \"wall")]
    public void Parse_UnbalancedQuotes_SearchesThePlainWords(string input)
    {
        var query = SearchQuery.Parse(input);

        Assert.Equal("\"sea\" \"wall\"", query.ToFts5());
        Assert.All(query.Terms, t => Assert.False(t.IsPhrase));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\"")]
    [InlineData("* ^ : ( ) { } \" + -")]
    [InlineData("😀🎉")]
    [InlineData("%_[")]
    [InlineData("AND OR NOT NEAR")]
    [InlineData("*tram")]
    public void Parse_NothingSearchable_IsEmpty(string input)
    {
        var query = SearchQuery.Parse(input);

        Assert.True(query.IsEmpty || query.ToFts5() == "\"tram\"", query.ToFts5());
        Assert.DoesNotContain(query.ToFts5(), c => c is '^' or ':' or '(' or ')' or '{' or '}' or '+' or '%' or '[');
    }

    [Fact]
    public void Parse_HundredWords_KeepsTheFirstTen()
    {
        var input = string.Join(' ', Enumerable.Range(1, 100).Select(i => $"word{i}"));

        var query = SearchQuery.Parse(input);

        Assert.Equal(SearchQuery.MaxTerms, query.Terms.Count);
        Assert.Equal("word1", query.Terms[0].Words[0]);
        Assert.Equal("word10", query.Terms[^1].Words[0]);
    }

    [Fact]
    public void Parse_LongPhrase_IsCappedAtTenWords()
    {
        var input = "\"" + string.Join(' ', Enumerable.Range(1, 30).Select(i => $"w{i}")) + "\"";

        Assert.Equal(SearchQuery.MaxTerms, SearchQuery.Parse(input).Terms.Single().Words.Count);
    }

    [Fact]
    public void Parse_VeryLongWord_IsCut()
    {
        var query = SearchQuery.Parse(new string('x', 5000));

        Assert.Equal(SearchQuery.MaxWordLength, query.Terms.Single().Words[0].Length);
    }

    [Theory]
    [InlineData("مجلس المدينة", "\"مجلس\" \"المدينة\"")]
    [InlineData("שלום עולם", "\"שלום\" \"עולם\"")]
    [InlineData("café 😀 tram", "\"café\" \"tram\"")]
    [InlineData("नमस्ते", "\"नमस्ते\"")]
    [InlineData("𠜎𠜱", "\"𠜎𠜱\"")]
    public void Parse_OtherScriptsAndEmoji_KeepLettersDropSymbols(string input, string fts5) =>
        Assert.Equal(fts5, SearchQuery.Parse(input).ToFts5());

    [Theory]
    [InlineData("ha*", "\"ha\"")]
    [InlineData("har*", "\"har\"*")]
    [InlineData("\"harb*\"", "\"harb\"")]
    [InlineData("harb**", "\"harb\"*")]
    public void Parse_Prefix_NeedsThreeCharactersOutsideAPhrase(string input, string fts5) =>
        Assert.Equal(fts5, SearchQuery.Parse(input).ToFts5());

    [Fact]
    public void Suggestions_Phrase_OffersTheWordsInAnyOrder() =>
        Assert.Contains("sea wall repairs", SearchQuery.Parse("\"sea wall\" repairs").Suggestions());

    [Fact]
    public void Suggestions_SeveralWords_OfferFewerWords()
    {
        var suggestions = SearchQuery.Parse("harbour tram zebra").Suggestions();

        Assert.Equal(["harbour tram", "harbour zebra", "tram zebra"], suggestions);
    }

    [Fact]
    public void Suggestions_OneWord_OffersItsPrefix() =>
        Assert.Equal(["harbo*"], SearchQuery.Parse("harbo").Suggestions());
}
