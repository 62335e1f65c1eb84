namespace NewsPortal.Web.Infrastructure.Search;

/// <summary>A piece of text to show, and whether it is one of the words searched for.</summary>
public sealed record TextSegment(string Text, bool IsMatch);

/// <summary>
/// The text the search index holds and the snippets shown from it. Stored HTML has been through a sanitizer, so
/// every <c>&lt;</c> in it starts a tag (text is encoded as <c>&amp;lt;</c>): removing tags and decoding entities
/// leaves exactly what a reader sees, and a search for <c>strong</c> or <c>href</c> no longer finds markup.
/// </summary>
public static partial class SearchText
{
    public static string FromHtml(string html)
    {
        var text = WebUtility.HtmlDecode(TagRegex().Replace(html, " "));
        return SpaceRegex().Replace(text, " ").Trim();
    }

    /// <summary>
    /// A window of about <paramref name="words"/> words around the first place the text matches, cut into
    /// segments so the view can mark the matched words while Razor encodes every character. One helper for both
    /// providers (SQL Server has no snippet function), so SQLite's tests prove what SQL Server readers see.
    /// <paramref name="terms"/> are folded words; a phrase is a run of words; a prefix term matches word starts.
    /// A search page shows ten of these over whole article bodies, so words are compared where they stand (ASCII
    /// without allocating) and the text is only read up to the window.
    /// </summary>
    public static IReadOnlyList<TextSegment> Snippet(string text, IReadOnlyList<(IReadOnlyList<string> Words, bool IsPrefix)> terms, int words = 32)
    {
        var folded = FoldTerms(terms);
        var lead = words / 4;
        var tokens = new List<Token>();
        var first = -1;
        var position = 0;
        while (NextToken(text, ref position) is { } token)
        {
            tokens.Add(token);
            if (first < 0 && MatchesEndingAt(text, tokens, tokens.Count - 1, folded))
            {
                first = FirstOfMatchEndingAt(text, tokens, tokens.Count - 1, folded);
            }

            if (first >= 0 && tokens.Count >= Math.Max(first - lead, 0) + words + 1)
            {
                break;
            }
        }

        if (tokens.Count == 0)
        {
            return [];
        }

        var more = NextToken(text, ref position) is not null || tokens.Count > Math.Max(first - lead, 0) + words;
        var start = first <= 0 ? 0 : Math.Max(0, first - lead);
        var end = Math.Min(tokens.Count, start + words);
        if (end == tokens.Count && !more)
        {
            start = Math.Max(0, end - words);
        }

        var segments = Segments(text, tokens, Matches(text, tokens, folded), start, end);
        if (start > 0)
        {
            segments.Insert(0, new TextSegment("… ", false));
        }

        if (end < tokens.Count || more)
        {
            segments.Add(new TextSegment(" …", false));
        }

        return segments;
    }

    /// <summary>The whole text, with the matched words marked (for headlines).</summary>
    public static IReadOnlyList<TextSegment> Highlight(string text, IReadOnlyList<(IReadOnlyList<string> Words, bool IsPrefix)> terms)
    {
        var tokens = new List<Token>();
        var position = 0;
        while (NextToken(text, ref position) is { } token)
        {
            tokens.Add(token);
        }

        return tokens.Count == 0
            ? [new TextSegment(text, false)]
            : Segments(text, tokens, Matches(text, tokens, FoldTerms(terms)), 0, tokens.Count, whole: true);
    }

    /// <summary>
    /// Whether <paramref name="text"/> holds the term: its words (folded by <see cref="FoldTerms"/>) in a row, each a
    /// word start when <paramref name="isPrefix"/> (a prefix term is one word), compared as <see cref="Highlight"/>
    /// marks them (for ranking: a term scores in a column exactly when it is highlighted there).
    /// </summary>
    public static bool Finds(string? text, string[] foldedWords, bool isPrefix)
    {
        if (text is null || foldedWords.Length == 0)
        {
            return false;
        }

        // Most columns ranked do not hold the term at all: plain ASCII text without its first word's letters anywhere
        // cannot match, which a vectorised search tells without splitting the text into words.
        if (IsAscii(text) && !text.Contains(foldedWords[0], StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var tokens = new List<Token>();
        var position = 0;
        while (NextToken(text, ref position) is { } token)
        {
            tokens.Add(token);
            var at = tokens.Count - foldedWords.Length;
            if (at >= 0 && MatchesAt(text, tokens, at, foldedWords, isPrefix))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lower case without accents: how FTS5's unicode61 tokenizer compares words ("Café" finds "cafe").</summary>
    public static string Fold(string word)
    {
        if (IsAscii(word))
        {
            return word.ToLowerInvariant();
        }

        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The terms' words as <see cref="Fold"/> makes them, once per search rather than once per text.</summary>
    public static List<(string[] Words, bool IsPrefix)> FoldTerms(IReadOnlyList<(IReadOnlyList<string> Words, bool IsPrefix)> terms) =>
        terms.Where(t => t.Words.Count > 0).Select(t => (t.Words.Select(Fold).ToArray(), t.IsPrefix)).ToList();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpaceRegex();
}
