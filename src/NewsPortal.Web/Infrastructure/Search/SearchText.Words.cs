namespace NewsPortal.Web.Infrastructure.Search;

/// <summary>
/// The words of a text as FTS5's unicode61 tokenizer sees them (letters and digits; case and accents folded), and
/// where the search's terms match among them: what the highlighting, the snippets and the ranking share.
/// </summary>
public static partial class SearchText
{
    private readonly record struct Token(int Start, int Length);

    private static List<TextSegment> Segments(string text, List<Token> tokens, bool[] matched, int from, int to, bool whole = false)
    {
        var segments = new List<TextSegment>();
        var position = whole ? 0 : tokens[from].Start;
        var plain = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            var (start, length) = tokens[i];
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

    private static bool[] Matches(string text, List<Token> tokens, List<(string[] Words, bool IsPrefix)> terms)
    {
        var matched = new bool[tokens.Count];
        foreach (var (words, isPrefix) in terms)
        {
            for (var i = 0; i + words.Length <= tokens.Count; i++)
            {
                if (MatchesAt(text, tokens, i, words, isPrefix))
                {
                    Array.Fill(matched, true, i, words.Length);
                }
            }
        }

        return matched;
    }

    /// <summary>Whether some term's match ends at token <paramref name="last"/> (tokens after it are not read yet).</summary>
    private static bool MatchesEndingAt(string text, List<Token> tokens, int last, List<(string[] Words, bool IsPrefix)> terms) =>
        FirstOfMatchEndingAt(text, tokens, last, terms) >= 0;

    private static int FirstOfMatchEndingAt(string text, List<Token> tokens, int last, List<(string[] Words, bool IsPrefix)> terms)
    {
        var first = -1;
        foreach (var (words, isPrefix) in terms)
        {
            var at = last - words.Length + 1;
            if (at >= 0 && MatchesAt(text, tokens, at, words, isPrefix) && (first < 0 || at < first))
            {
                first = at;
            }
        }

        return first;
    }

    private static bool MatchesAt(string text, List<Token> tokens, int at, string[] words, bool isPrefix)
    {
        for (var j = 0; j < words.Length; j++)
        {
            if (!WordMatches(text.AsSpan(tokens[at + j].Start, tokens[at + j].Length), words[j], isPrefix))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Compares a word of the text with a folded search word. ASCII words (nearly all of them) are compared in place,
    /// ignoring case; only words with other letters are folded first.
    /// </summary>
    private static bool WordMatches(ReadOnlySpan<char> word, string folded, bool isPrefix)
    {
        if (System.Text.Ascii.IsValid(word))
        {
            return isPrefix
                ? word.Length >= folded.Length && word[..folded.Length].Equals(folded, StringComparison.OrdinalIgnoreCase)
                : word.Equals(folded, StringComparison.OrdinalIgnoreCase);
        }

        var foldedWord = Fold(word.ToString());
        return isPrefix ? foldedWord.StartsWith(folded, StringComparison.Ordinal) : foldedWord == folded;
    }

    private static bool IsAscii(string word) => System.Text.Ascii.IsValid(word);

    /// <summary>The next word at or after <paramref name="position"/>, which moves past it; null at the end.</summary>
    private static Token? NextToken(string text, ref int position)
    {
        var i = position;
        var width = 0;
        while (i < text.Length && !IsWordAt(text, i, out width))
        {
            i += width;
        }

        if (i >= text.Length)
        {
            position = i;
            return null;
        }

        var start = i;
        while (i < text.Length && IsWordAt(text, i, out width))
        {
            i += width;
        }

        position = i;
        return new Token(start, i - start);
    }

    private static bool IsWordAt(string text, int index, out int width)
    {
        var c = text[index];
        if (c < 128)
        {
            width = 1;
            return char.IsAsciiLetterOrDigit(c);
        }

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
}
