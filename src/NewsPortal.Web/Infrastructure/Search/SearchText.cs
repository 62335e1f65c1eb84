using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

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
    /// </summary>
    public static IReadOnlyList<TextSegment> Snippet(string text, IReadOnlyList<(IReadOnlyList<string> Words, bool IsPrefix)> terms, int words = 32)
    {
        var tokens = Tokens(text);
        if (tokens.Count == 0)
        {
            return [];
        }

        var matched = Matches(tokens, terms);
        var first = Array.IndexOf(matched, true);
        var start = first <= 0 ? 0 : Math.Max(0, first - (words / 4));
        var end = Math.Min(tokens.Count, start + words);
        if (end == tokens.Count)
        {
            start = Math.Max(0, end - words);
        }

        var segments = Segments(text, tokens, matched, start, end);
        if (start > 0)
        {
            segments.Insert(0, new TextSegment("… ", false));
        }

        if (end < tokens.Count)
        {
            segments.Add(new TextSegment(" …", false));
        }

        return segments;
    }

    /// <summary>The whole text, with the matched words marked (for headlines).</summary>
    public static IReadOnlyList<TextSegment> Highlight(string text, IReadOnlyList<(IReadOnlyList<string> Words, bool IsPrefix)> terms)
    {
        var tokens = Tokens(text);
        return tokens.Count == 0 ? [new TextSegment(text, false)] : Segments(text, tokens, Matches(tokens, terms), 0, tokens.Count, whole: true);
    }

    /// <summary>Lower case without accents: how FTS5's unicode61 tokenizer compares words ("Café" finds "cafe").</summary>
    public static string Fold(string word)
    {
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

    private static List<TextSegment> Segments(string text, List<(int Start, int Length, string Folded)> tokens, bool[] matched, int from, int to, bool whole = false)
    {
        var segments = new List<TextSegment>();
        var position = whole ? 0 : tokens[from].Start;
        var plain = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            var (start, length, _) = tokens[i];
            plain.Append(text, position, start - position);
            if (matched[i])
            {
                if (plain.Length > 0)
                {
                    segments.Add(new TextSegment(plain.ToString(), false));
                    plain.Clear();
                }

                segments.Add(new TextSegment(text.Substring(start, length), true));
            }
            else
            {
                plain.Append(text, start, length);
            }

            position = start + length;
        }

        if (whole)
        {
            plain.Append(text, position, text.Length - position);
        }

        if (plain.Length > 0)
        {
            segments.Add(new TextSegment(plain.ToString(), false));
        }

        return segments;
    }

    private static bool[] Matches(List<(int Start, int Length, string Folded)> tokens, IReadOnlyList<(IReadOnlyList<string> Words, bool IsPrefix)> terms)
    {
        var matched = new bool[tokens.Count];
        foreach (var (termWords, isPrefix) in terms)
        {
            var folded = termWords.Select(Fold).ToList();
            for (var i = 0; i + folded.Count <= tokens.Count; i++)
            {
                var all = true;
                for (var j = 0; j < folded.Count && all; j++)
                {
                    all = isPrefix
                        ? tokens[i + j].Folded.StartsWith(folded[j], StringComparison.Ordinal)
                        : tokens[i + j].Folded == folded[j];
                }

                if (all)
                {
                    for (var j = 0; j < folded.Count; j++)
                    {
                        matched[i + j] = true;
                    }
                }
            }
        }

        return matched;
    }

    private static List<(int Start, int Length, string Folded)> Tokens(string text)
    {
        var tokens = new List<(int, int, string)>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordAt(text, i, out var width))
            {
                i += width;
                continue;
            }

            var start = i;
            while (i < text.Length && IsWordAt(text, i, out width))
            {
                i += width;
            }

            tokens.Add((start, i - start, Fold(text[start..i])));
        }

        return tokens;
    }

    private static bool IsWordAt(string text, int index, out int width)
    {
        if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out width) != System.Buffers.OperationStatus.Done)
        {
            width = 1;
            return false;
        }

        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpaceRegex();
}
