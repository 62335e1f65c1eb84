namespace NewsPortal.LoadData;

/// <summary>
/// Plausible-looking English from a fixed word list: fast, deterministic for a given seed, ASCII only (so
/// nothing needs HTML encoding) and varied enough that SQLite pages and response sizes are realistic.
/// </summary>
/// <remarks>With <paramref name="zipf"/>, words are drawn from it; without, uniformly from the short list above.</remarks>
internal sealed class TextGenerator(Random random, ZipfVocabulary? zipf = null)
{
    private static readonly string[] Words =
    [
        "the", "the", "the", "of", "of", "and", "and", "to", "to", "a", "a", "in", "in", "is", "that", "for", "it",
        "as", "was", "with", "on", "be", "by", "at", "this", "had", "not", "are", "but", "from", "or", "have", "an",
        "they", "which", "one", "were", "their", "said", "would", "there", "been", "has", "more", "will", "about",
        "after", "could", "first", "years", "new", "people", "other", "time", "last", "two", "most", "over", "some",
        "council", "government", "minister", "report", "city", "country", "region", "market", "prices", "company",
        "workers", "union", "plan", "budget", "election", "voters", "party", "leader", "officials", "police",
        "court", "judge", "hospital", "doctors", "patients", "schools", "teachers", "students", "university",
        "research", "scientists", "study", "data", "energy", "climate", "weather", "storm", "river", "coast",
        "harbour", "railway", "station", "trains", "roads", "traffic", "housing", "rents", "families", "children",
        "water", "farmers", "harvest", "exports", "imports", "trade", "banks", "interest", "rates", "inflation",
        "growth", "jobs", "wages", "costs", "software", "engineers", "network", "phones", "satellite", "launch",
        "telescope", "museum", "gallery", "festival", "concert", "theatre", "film", "novel", "album", "season",
        "match", "team", "players", "coach", "league", "final", "goal", "record", "crowd", "stadium", "village",
        "town", "district", "neighbours", "residents", "campaign", "protest", "agreement", "talks", "deal", "vote",
        "inquiry", "review", "committee", "spokesperson", "statement", "evidence", "figures", "survey", "quarter",
        "month", "week", "morning", "evening", "night", "summer", "winter", "spring", "autumn", "decade", "century",
        "announced", "warned", "argued", "expected", "agreed", "rejected", "approved", "reported", "confirmed",
        "promised", "admitted", "suggested", "believed", "described", "opened", "closed", "raised", "cut", "built",
        "moved", "changed", "found", "showed", "began", "ended", "returned", "continued", "increased", "fell",
        "rose", "doubled", "halved", "signed", "won", "lost", "played", "scored", "visited", "published",
        "local", "national", "public", "private", "small", "large", "major", "early", "late", "recent", "former",
        "senior", "young", "older", "rural", "urban", "northern", "southern", "eastern", "western", "central",
        "annual", "monthly", "final", "likely", "possible", "clear", "difficult", "important", "serious", "strong",
        "weak", "cheaper", "higher", "lower", "faster", "slower", "quietly", "sharply", "slowly", "nearly",
        "almost", "still", "already", "again", "also", "only", "even", "never", "often", "now", "then", "while",
        "because", "although", "when", "where", "before", "since", "until", "during", "against", "between",
        "through", "across", "under", "around", "without", "within", "into", "than", "such", "many", "few",
        "several", "each", "every", "both", "those", "these", "what", "who", "how", "why", "we", "he", "she",
        "his", "her", "its", "our", "them", "him", "us", "can", "may", "might", "should", "must", "did", "does",
        "make", "take", "give", "keep", "find", "show", "help", "call", "need", "want", "pay", "spend", "hold",
    ];

    private static readonly string[] TopicWords =
    [
        "climate", "oceans", "trade", "farming", "health", "housing", "transport", "rail", "energy", "wind",
        "solar", "schools", "universities", "courts", "policing", "elections", "parliament", "councils", "budget",
        "tax", "wages", "inflation", "banking", "startups", "retail", "tourism", "shipping", "aviation", "space",
        "astronomy", "medicine", "genetics", "ai", "software", "privacy", "security", "broadband", "football",
        "cricket", "rugby", "tennis", "athletics", "cycling", "sailing", "music", "film", "theatre", "books",
        "art", "museums", "festivals", "food", "water", "forests", "wildlife", "rivers", "coasts", "storms",
        "drought", "floods", "migration", "diplomacy", "defence", "labour", "pensions", "childcare", "libraries",
    ];

    private static readonly string[] Qualifiers =
    [
        "policy", "crisis", "reform", "funding", "research", "industry", "workers", "prices", "records", "local",
        "europe", "asia", "africa", "americas", "north", "south", "investigation", "analysis", "explainer",
    ];

    private static readonly string[] FirstNames =
    [
        "Alex", "Sam", "Jordan", "Maria", "Ahmed", "Chen", "Olga", "Kwame", "Priya", "Lucas", "Emma", "Noah",
        "Aisha", "Mateo", "Sofia", "Liam", "Yuki", "Ivan", "Fatima", "Oliver", "Amara", "Jonas", "Elena", "Ravi",
        "Grace", "Tomas", "Leila", "Hugo", "Nadia", "Felix", "Ines", "Omar", "Freya", "Diego", "Hana", "Ben",
        "Zara", "Erik", "Maya", "Kofi", "Lena", "Arjun", "Clara", "Mehmet", "Ruth", "Paulo", "Anya", "Dev",
    ];

    private static readonly string[] LastNames =
    [
        "Smith", "Jones", "Okafor", "Novak", "Garcia", "Nakamura", "Kowalski", "Haddad", "Silva", "Brown",
        "Muller", "Rossi", "Larsen", "Patel", "Osei", "Ivanova", "Dubois", "Costa", "Kim", "Walsh", "Fischer",
        "Moreau", "Hansen", "Khan", "Mensah", "Petrov", "Santos", "Byrne", "Lindqvist", "Yilmaz", "Reyes",
        "Adeyemi", "Horvat", "Tanaka", "Murphy", "Schmidt", "Ferrari", "Nilsen", "Sharma", "Boateng",
    ];

    private readonly StringBuilder _sb = new(8192);

    /// <summary>The list's words, most common first, for a <see cref="ZipfVocabulary"/>'s first ranks.</summary>
    public static IEnumerable<string> CommonWords => Words;

    public static IReadOnlyList<string> Topics => TopicWords;

    public static IReadOnlyList<string> TopicQualifiers => Qualifiers;

    public string Word() => zipf?.Next(random) ?? Words[random.Next(Words.Length)];

    public string FirstName() => FirstNames[random.Next(FirstNames.Length)];

    public string LastName() => LastNames[random.Next(LastNames.Length)];

    /// <summary>"Council approves northern railway plan after long talks", capitalised, no full stop.</summary>
    public string Headline()
    {
        _sb.Clear();
        var count = random.Next(6, 13);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                _sb.Append(' ');
            }

            AppendWord(capitalise: i == 0);
        }

        return _sb.ToString();
    }

    /// <summary>One or two sentences.</summary>
    public string Standfirst()
    {
        _sb.Clear();
        AppendSentence(14, 30);
        if (random.Next(3) == 0)
        {
            _sb.Append(' ');
            AppendSentence(8, 16);
        }

        return _sb.ToString();
    }

    /// <summary>Paragraphs of 3-7 sentences, each in &lt;p&gt;, totalling 400-900 words.</summary>
    public string ArticleBody()
    {
        _sb.Clear();
        var target = random.Next(400, 901);
        var written = 0;
        while (written < target)
        {
            _sb.Append("<p>");
            var sentences = random.Next(3, 8);
            for (var s = 0; s < sentences && written < target; s++)
            {
                if (s > 0)
                {
                    _sb.Append(' ');
                }

                written += AppendSentence(8, 28);
            }

            _sb.Append("</p>\n");
        }

        return _sb.ToString();
    }

    /// <summary>A reader comment as the comment sanitizer would store it: one or two &lt;p&gt; paragraphs.</summary>
    public string CommentBody()
    {
        _sb.Clear();
        var paragraphs = random.Next(5) == 0 ? 2 : 1;
        for (var p = 0; p < paragraphs; p++)
        {
            _sb.Append("<p>");
            var sentences = random.Next(1, 5);
            for (var s = 0; s < sentences; s++)
            {
                if (s > 0)
                {
                    _sb.Append(' ');
                }

                AppendSentence(5, 22);
            }

            _sb.Append("</p>");
        }

        return _sb.ToString();
    }

    private int AppendSentence(int minWords, int maxWords)
    {
        var count = random.Next(minWords, maxWords + 1);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                _sb.Append(i > 3 && i < count - 2 && random.Next(9) == 0 ? ", " : " ");
            }

            AppendWord(capitalise: i == 0);
        }

        _sb.Append('.');
        return count;
    }

    private void AppendWord(bool capitalise)
    {
        var word = Word();
        if (capitalise)
        {
            _sb.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
        }
        else
        {
            _sb.Append(word);
        }
    }
}
