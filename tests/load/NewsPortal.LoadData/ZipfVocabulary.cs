namespace NewsPortal.LoadData;

/// <summary>
/// A vocabulary whose word frequencies follow Zipf's law, as the words of real news text do: the word of rank r is
/// drawn with probability proportional to 1/r^<see cref="Exponent"/>. The first ranks are the English words of
/// <see cref="TextGenerator"/>'s list in its order (function words first, as in English), the rest made-up words
/// built from syllables, distinct and deterministic. With 60,000 words the most common word is about 9 % of the text,
/// the 100th about 0.09 %, the 10,000th about 0.001 % (measured on the generated archive), and the rarest about 100
/// times in 100,000 articles: the long tail of names and rare words that makes most real searches selective.
/// </summary>
internal sealed class ZipfVocabulary
{
    /// <summary>Zipf's exponent for English text is close to 1.</summary>
    public const double Exponent = 1.0;

    public const int DefaultSize = 60_000;

    private static readonly string[] Onsets = ["b", "br", "c", "d", "f", "g", "gr", "h", "k", "l", "m", "n", "p", "pr", "r", "s", "st", "t", "tr", "v", "w", "z"];

    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou"];

    private static readonly string[] Codas = ["", "n", "r", "l", "s", "th", "nd", "m"];

    private readonly string[] _words;
    private readonly double[] _cumulative;

    public ZipfVocabulary(IEnumerable<string> common, int size = DefaultSize)
    {
        var words = new List<string>(size);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in common)
        {
            if (words.Count < size && seen.Add(word))
            {
                words.Add(word);
            }
        }

        // Two- and three-syllable words in a fixed order: the same vocabulary on every run.
        var syllables = (from o in Onsets from v in Vowels from c in Codas select o + v + c).ToArray();
        for (var i = 0; words.Count < size; i++)
        {
            var a = syllables[i % syllables.Length];
            var b = syllables[(i / syllables.Length * 7 + i * 13) % syllables.Length];
            var word = i < syllables.Length * syllables.Length / 4 ? a + b : a + b + syllables[(i * 31) % syllables.Length];
            if (seen.Add(word))
            {
                words.Add(word);
            }
        }

        _words = [.. words];
        _cumulative = new double[_words.Length];
        var sum = 0.0;
        for (var r = 0; r < _words.Length; r++)
        {
            sum += 1.0 / Math.Pow(r + 1, Exponent);
            _cumulative[r] = sum;
        }
    }

    public int Count => _words.Length;

    public string this[int rank] => _words[rank];

    /// <summary>A word drawn by its Zipf frequency.</summary>
    public string Next(Random random)
    {
        var target = random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);
        return _words[index >= 0 ? index : Math.Min(~index, _words.Length - 1)];
    }
}
