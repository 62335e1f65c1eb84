namespace NewsPortal.Web.Features.WordPressImport;

/// <summary>What an import did, by kind: imported, already there from an earlier run, and skipped with the reason.</summary>
public sealed class ImportSummary
{
    private readonly SortedDictionary<string, Counts> _kinds = new(StringComparer.Ordinal);

    public bool DryRun { get; init; }

    public ContentTally Content { get; } = new();

    public long DroppedCharacters { get; set; }

    public List<string> Notes { get; } = [];

    public Counts Of(string kind)
    {
        if (!_kinds.TryGetValue(kind, out var counts))
        {
            counts = new Counts(DryRun ? null : MetricKind(kind));
            _kinds[kind] = counts;
        }

        return counts;
    }

    // The summary's words for a kind, as the import meter's fixed labels (SiteMetrics.ImportKinds).
    private static string MetricKind(string kind) => kind switch
    {
        "posts" => "article",
        "comments" => "comment",
        "tags" => "tag",
        _ when kind.StartsWith("categories also used as tags", StringComparison.Ordinal) => "tag",
        _ when kind.StartsWith("categories", StringComparison.Ordinal) => "category",
        _ when kind.StartsWith("authors", StringComparison.Ordinal) => "author",
        _ when kind.StartsWith("attachments", StringComparison.Ordinal) => "media",
        _ when kind.StartsWith("page", StringComparison.Ordinal) => "page",
        _ => "other",
    };

    public long Imported(string kind) => _kinds.TryGetValue(kind, out var counts) ? counts.Imported : 0;

    public override string ToString()
    {
        var text = new StringBuilder();
        var verb = DryRun ? "would import" : "imported";
        text.AppendLine(DryRun ? "Dry run: nothing was written." : "Import finished.");
        foreach (var (kind, counts) in _kinds)
        {
            text.Append(CultureInfo.InvariantCulture, $"{kind}: {verb} {counts.Imported:N0}");
            if (counts.AlreadyImported > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $", already imported {counts.AlreadyImported:N0}");
            }

            foreach (var (reason, count) in counts.Skipped)
            {
                text.Append(CultureInfo.InvariantCulture, $", skipped {count:N0} ({reason})");
            }

            foreach (var (note, count) in counts.Notes)
            {
                text.Append(CultureInfo.InvariantCulture, $", {note}: {count:N0}");
            }

            text.AppendLine();
        }

        text.Append(CultureInfo.InvariantCulture, $"content: {Content.Captions:N0} captions as figures, {Content.Embeds:N0} video embeds, ");
        text.AppendLine(CultureInfo.InvariantCulture, $"{Content.ImagesMoved:N0} images moved to the media library, {Content.ImagesKept:N0} image addresses kept as they were, {Content.ImagesLinked:N0} images from sites not in Content:ImageOrigins turned into links");
        if (Content.ShortcodesRemoved.Count > 0)
        {
            text.AppendLine("shortcodes removed (inner text kept): " + string.Join(", ", Content.ShortcodesRemoved.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"[{p.Key}] {p.Value:N0}")));
        }

        if (DroppedCharacters > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"characters XML forbids, dropped: {DroppedCharacters:N0}");
        }

        foreach (var note in Notes)
        {
            text.AppendLine(note);
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>One kind's counts; what is imported or skipped also moves the import meter (not in a dry run).</summary>
    public sealed class Counts(string? metricKind)
    {
        private long _imported;

        public long Imported
        {
            get => _imported;
            set
            {
                if (metricKind is not null && value > _imported)
                {
                    SiteMetrics.ImportProgress(metricKind, "imported", value - _imported);
                }

                _imported = value;
            }
        }

        public long AlreadyImported { get; set; }

        public SortedDictionary<string, long> Skipped { get; } = new(StringComparer.Ordinal);

        public SortedDictionary<string, long> Notes { get; } = new(StringComparer.Ordinal);

        public void Skip(string reason)
        {
            Skipped[reason] = Skipped.GetValueOrDefault(reason) + 1;
            if (metricKind is not null)
            {
                SiteMetrics.ImportProgress(metricKind, "skipped");
            }
        }

        public void Note(string note, long count = 1) => Notes[note] = Notes.GetValueOrDefault(note) + count;
    }
}

/// <summary>Where an import is: its phase and how many of the phase's items are done.</summary>
public sealed record ImportProgress(string Phase, long Done, long Total);
