using System.Globalization;
using System.Text;

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
            counts = new Counts();
            _kinds[kind] = counts;
        }

        return counts;
    }

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

    public sealed class Counts
    {
        public long Imported { get; set; }

        public long AlreadyImported { get; set; }

        public SortedDictionary<string, long> Skipped { get; } = new(StringComparer.Ordinal);

        public SortedDictionary<string, long> Notes { get; } = new(StringComparer.Ordinal);

        public void Skip(string reason) => Skipped[reason] = Skipped.GetValueOrDefault(reason) + 1;

        public void Note(string note, long count = 1) => Notes[note] = Notes.GetValueOrDefault(note) + count;
    }
}

/// <summary>Where an import is: its phase and how many of the phase's items are done.</summary>
public sealed record ImportProgress(string Phase, long Done, long Total);
