namespace NewsPortal.Web.Infrastructure.Search;

/// <summary>One thing a reader asked for: a word, a word prefix ("harb*") or a quoted phrase.</summary>
public sealed record SearchTerm(IReadOnlyList<string> Words, bool IsPrefix)
{
    public bool IsPhrase => Words.Count > 1;

    /// <summary>How the term is written back in a query a reader can edit or follow.</summary>
    public string Display => IsPhrase ? $"\"{string.Join(' ', Words)}\"" : IsPrefix ? Words[0] + "*" : Words[0];
}

/// <summary>
/// Turns whatever a reader types into a full-text query that cannot fail or mean more than it says. Words are
/// runs of letters, digits and marks; everything else separates them, so no operator character (<c>" * ^ : ( ) { }
/// + -</c>), no <c>%_[</c> and no emoji ever reaches the database. Each term is quoted in the expression, so
/// <c>AND</c>, <c>NEAR</c> or a column name typed by a reader is only ever a word. Quotes make a phrase when they
/// balance; an odd quote is ignored and its words are searched one by one. A word ending in <c>*</c> with at least
/// <see cref="MinPrefixLength"/> characters is a prefix. At most <see cref="MaxTerms"/> terms are kept (a phrase
/// is one term, capped at <see cref="MaxTerms"/> words), so 100 typed words cost what 10 do.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxTerms = 10;
    public const int MinPrefixLength = 3;

    /// <summary>Longer words are cut: nothing in the archive is longer, and it bounds the expression.</summary>
    public const int MaxWordLength = 40;

    /// <summary>Upper-case words a reader may type as operators; they are dropped rather than searched for.</summary>
    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal) { "AND", "OR", "NOT", "NEAR" };

    private SearchQuery(IReadOnlyList<SearchTerm> terms) => Terms = terms;

    public IReadOnlyList<SearchTerm> Terms { get; }

    public bool IsEmpty => Terms.Count == 0;

    /// <summary>The query as it is actually searched, in the reader's syntax.</summary>
    public string Display => string.Join(' ', Terms.Select(t => t.Display));

    public static SearchQuery Parse(string? input)
    {
        var chunks = Chunks(input ?? string.Empty);
        var balanced = chunks.Count(c => c.IsQuote) % 2 == 0;
        var terms = new List<SearchTerm>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(IReadOnlyList<string> words, bool prefix)
        {
            var term = new SearchTerm(words.Take(MaxTerms).ToList(), prefix && words.Count == 1 && words[0].Length >= MinPrefixLength);
            if (terms.Count < MaxTerms && seen.Add(term.Display))
            {
                terms.Add(term);
            }
        }

        List<string>? phrase = null;
        foreach (var chunk in chunks)
        {
            if (chunk.IsQuote)
            {
                if (!balanced)
                {
                    continue;
                }

                if (phrase is null)
                {
                    phrase = [];
                }
                else
                {
                    if (phrase.Count > 0)
                    {
                        Add(phrase, prefix: false);
                    }

                    phrase = null;
                }

                continue;
            }

            if (phrase is not null)
            {
                phrase.AddRange(chunk.Words);
                continue;
            }

            // An operator is one only as the reader typed it (upper case); "and" or "near" in lower case are words.
            if (chunk.Words.Count == 1 && chunk.IsUpperCase && Operators.Contains(chunk.Words[0].ToUpperInvariant()))
            {
                continue;
            }

            Add(chunk.Words, chunk.IsPrefix);
        }

        return new SearchQuery(terms);
    }

    /// <summary>
    /// The text as quotes and chunks: a chunk is words joined by in-word punctuation with no space between
    /// ("e-mail", "covid-19", "o'neill"); the index splits those the same way, so a chunk is searched as a phrase.
    /// </summary>
    private static List<Chunk> Chunks(string text)
    {
        var chunks = new List<Chunk>();
        var words = new List<string>();
        var word = new StringBuilder();
        var upper = true;
        var star = false;

        void EndWord()
        {
            if (word.Length > 0)
            {
                var w = word.ToString().ToLowerInvariant();
                words.Add(w.Length > MaxWordLength ? w[..MaxWordLength] : w);
                word.Clear();
            }
        }

        void EndChunk()
        {
            EndWord();
            if (words.Count > 0)
            {
                chunks.Add(new Chunk(words.ToList(), star, upper, IsQuote: false));
            }

            words.Clear();
            upper = true;
            star = false;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                if (star)
                {
                    EndChunk();
                }

                if (word.Length < MaxWordLength * 2)
                {
                    word.Append(rune.ToString());
                }

                upper &= !Rune.IsLower(rune);
                continue;
            }

            var c = rune.Value;
            if (c == '*')
            {
                EndWord();
                star = words.Count > 0;
                continue;
            }

            if (c is '-' or '\'' or 0x2019 or '.' or '/' or '@' && word.Length > 0 && !star)
            {
                EndWord();
                continue;
            }

            EndChunk();
            if (c == '"')
            {
                chunks.Add(new Chunk([], IsPrefix: false, IsUpperCase: false, IsQuote: true));
            }
        }

        EndChunk();
        return chunks;
    }

    /// <summary>SQLite FTS5: every term a quoted string (prefix: <c>"harb"*</c>), terms side by side meaning AND.</summary>
    public string ToFts5() => string.Join(' ', Terms.Select(ToFts5));

    /// <summary>One term as an FTS5 phrase: <c>"city council"</c>, or <c>"harb"*</c> for a prefix.</summary>
    public static string ToFts5(SearchTerm term) =>
        term.IsPrefix ? $"\"{term.Words[0]}\"*" : $"\"{string.Join(' ', term.Words)}\"";

    /// <summary>SQL Server CONTAINS: every term a quoted string (prefix: <c>"harb*"</c>), joined by AND.</summary>
    public string ToContains() => string.Join(" AND ", Terms.Select(t =>
        t.IsPrefix ? $"\"{t.Words[0]}*\"" : $"\"{string.Join(' ', t.Words)}\""));

    /// <summary>
    /// Every word of the query in order as one phrase, the last a prefix when it has at least
    /// <see cref="MinPrefixLength"/> characters: how a moderator names a commenter by the start of a name, an e-mail
    /// address or an IP address ("Rita Rea", "rita@exam", "10.0.3" find "Rita Reader", "rita@example.com",
    /// "10.0.3.7"). A shorter last word must match whole, so "10.0.3.7" never reads every token starting with "7".
    /// </summary>
    public (IReadOnlyList<string> Words, bool LastIsPrefix) WhoPhrase()
    {
        var words = Terms.SelectMany(t => t.Words).Take(MaxTerms).ToList();
        return (words, words.Count > 0 && words[^1].Length >= MinPrefixLength);
    }

    /// <summary>The <see cref="WhoPhrase"/> for FTS5: <c>"rita rea" *</c>.</summary>
    public string ToFts5Who()
    {
        var (words, prefix) = WhoPhrase();
        return $"\"{string.Join(' ', words)}\"" + (prefix ? " *" : string.Empty);
    }

    /// <summary>The <see cref="WhoPhrase"/> for CONTAINS: <c>"rita rea*"</c> (SQL Server reads every word of a
    /// prefix phrase as a prefix).</summary>
    public string ToContainsWho()
    {
        var (words, prefix) = WhoPhrase();
        return $"\"{string.Join(' ', words)}{(prefix ? "*" : string.Empty)}\"";
    }

    /// <summary>
    /// What to try when nothing matched, best first: a phrase's words in any order, then the query with one term
    /// left out (the last first), then a lone word as a prefix.
    /// </summary>
    public IReadOnlyList<string> Suggestions()
    {
        var suggestions = new List<string>();
        if (Terms.Any(t => t.IsPhrase))
        {
            suggestions.Add(string.Join(' ', Terms.SelectMany(t => t.IsPhrase ? t.Words : [t.Display])));
        }

        if (Terms.Count > 1)
        {
            for (var i = Terms.Count - 1; i >= 0 && suggestions.Count < 4; i--)
            {
                suggestions.Add(string.Join(' ', Terms.Where((_, j) => j != i).Select(t => t.Display)));
            }
        }
        else if (Terms is [{ IsPhrase: false, IsPrefix: false } only] && only.Words[0].Length >= MinPrefixLength)
        {
            suggestions.Add(only.Words[0] + "*");
        }

        return suggestions.Distinct(StringComparer.Ordinal).Where(s => s != Display).ToList();
    }

    /// <summary>Letters, digits and combining marks (so Devanagari or Arabic words stay whole): what FTS5's
    /// unicode61 tokenizer keeps as word characters, near enough. Never a quote, operator or emoji.</summary>
    private static bool IsWordRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark => true,
        _ => false,
    };

    private sealed record Chunk(IReadOnlyList<string> Words, bool IsPrefix, bool IsUpperCase, bool IsQuote);
}
