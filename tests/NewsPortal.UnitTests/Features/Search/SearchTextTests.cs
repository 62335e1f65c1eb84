namespace NewsPortal.UnitTests.Features.Search;

public sealed class SearchTextTests
{
    private static readonly List<(IReadOnlyList<string> Words, bool IsPrefix)> Harbour = [(["harbour"], false)];

    [Fact]
    public void FromHtml_Markup_LeavesOnlyTheText()
    {
        var text = SearchText.FromHtml("<p>The <strong>harbour</strong> &amp; the <a href=\"/x\" title=\"sea\">quay</a>&nbsp;reopen.</p>\n<p>Next</p>");

        Assert.Equal("The harbour & the quay reopen. Next", text);
    }

    [Fact]
    public void Snippet_MatchedWord_IsMarkedAndCutAroundIt()
    {
        var text = string.Join(' ', Enumerable.Range(1, 100).Select(i => $"w{i}")) + " Harbour " + string.Join(' ', Enumerable.Range(101, 100).Select(i => $"w{i}"));

        var segments = SearchText.Snippet(text, Harbour, words: 20);

        Assert.Equal("Harbour", Assert.Single(segments, s => s.IsMatch).Text);
        Assert.StartsWith("… ", segments[0].Text, StringComparison.Ordinal);
        Assert.EndsWith(" …", segments[^1].Text, StringComparison.Ordinal);
        Assert.True(string.Concat(segments.Select(s => s.Text)).Split(' ').Length < 30);
    }

    [Fact]
    public void Snippet_PhraseAndPrefix_MarkWholeWords()
    {
        var segments = SearchText.Snippet("The sea wall at the harbour's edge", [(["sea", "wall"], false), (["harb"], true)]);

        Assert.Equal(["sea", "wall", "harbour"], segments.Where(s => s.IsMatch).Select(s => s.Text));
    }

    [Fact]
    public void Snippet_NoMatchInText_ShowsTheBeginning()
    {
        var segments = SearchText.Snippet("First words of the body.", Harbour);

        Assert.Equal("First words of the body", string.Concat(segments.Select(s => s.Text)));
        Assert.DoesNotContain(segments, s => s.IsMatch);
    }

    [Fact]
    public void Highlight_AccentsAndCase_MatchAsTheIndexDoes()
    {
        var segments = SearchText.Highlight("Café Owners <b>Protest</b>", [(["cafe"], false), (["protest"], false)]);

        Assert.Equal(["Café", "Protest"], segments.Where(s => s.IsMatch).Select(s => s.Text));
        Assert.Equal("Café Owners <b>Protest</b>", string.Concat(segments.Select(s => s.Text)));
    }

    [Fact]
    public void Snippet_MatchNearTheEnd_ShowsAFullWindowEndingWithTheText()
    {
        var text = string.Join(' ', Enumerable.Range(1, 100).Select(i => $"w{i}")) + " harbour w101 w102";

        var segments = SearchText.Snippet(text, Harbour, words: 20);

        var shown = string.Concat(segments.Select(s => s.Text));
        Assert.EndsWith("harbour w101 w102", shown, StringComparison.Ordinal);
        Assert.StartsWith("… w84 ", shown, StringComparison.Ordinal);
        Assert.Equal(20, shown.TrimStart('…', ' ').Split(' ').Length);
    }

    [Fact]
    public void Snippet_AccentedWordsInTheBody_MatchTheFoldedTerm()
    {
        var segments = SearchText.Snippet("Trams return to ZÜRICH and to Zurich's old town", [(["zurich"], false), (["tram"], true)]);

        Assert.Equal(["Trams", "ZÜRICH", "Zurich"], segments.Where(s => s.IsMatch).Select(s => s.Text));
    }

    [Theory]
    [InlineData("Harbour plans approved", new[] { "harbour" }, false, true)]
    [InlineData("The HARBOUR's future", new[] { "harbour" }, false, true)]
    [InlineData("Harbourside flats", new[] { "harbour" }, false, false)]
    [InlineData("Harbourside flats", new[] { "harbour" }, true, true)]
    [InlineData("New harbour wall built", new[] { "harbour", "wall" }, false, true)]
    [InlineData("Wall of the harbour", new[] { "harbour", "wall" }, false, false)]
    [InlineData("Harbour, wall", new[] { "harbour", "wall" }, false, true)]
    [InlineData("Café society", new[] { "cafe" }, false, true)]
    [InlineData("NEW HARBOUR WALL", new[] { "harbour" }, false, true)]
    [InlineData("Harbor wall", new[] { "harbour" }, false, false)]
    [InlineData("", new[] { "harbour" }, false, false)]
    public void Finds_AWordARunOfWordsOrAWordStart_AsTheHighlightingMarksThem(string text, string[] words, bool isPrefix, bool expected)
    {
        Assert.Equal(expected, SearchText.Finds(text, words, isPrefix));
        Assert.Equal(expected, SearchText.Highlight(text, [(words, isPrefix)]).Any(s => s.IsMatch));
    }

    [Fact]
    public void Finds_NoText_FindsNothing() => Assert.False(SearchText.Finds(null, ["harbour"], isPrefix: false));
}
