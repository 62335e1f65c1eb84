namespace NewsPortal.Web.Infrastructure.Telemetry;

/// <summary>The WordPress import's items, by kind and outcome from fixed lists.</summary>
public static partial class SiteMetrics
{
    /// <summary>Every name an import may count, so an item's title or login can never become a label.</summary>
    public static readonly IReadOnlySet<string> ImportKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "article", "page", "comment", "category", "tag", "author", "media", "redirect",
    };

    /// <summary>The outcomes an import may count.</summary>
    public static readonly IReadOnlySet<string> ImportOutcomes = new HashSet<string>(StringComparer.Ordinal) { "imported", "skipped", "failed" };

    /// <summary>
    /// For the WordPress importer: <paramref name="count"/> items of <paramref name="kind"/> (one of
    /// <see cref="ImportKinds"/>) ended as <paramref name="outcome"/> (one of <see cref="ImportOutcomes"/>). Anything
    /// else is counted as "other", never passed through.
    /// </summary>
    public static void ImportProgress(string kind, string outcome, long count = 1) =>
        ImportItems.Add(
            count,
            new("kind", ImportKinds.Contains(kind) ? kind : "other"),
            new("outcome", ImportOutcomes.Contains(outcome) ? outcome : "other"));
}
