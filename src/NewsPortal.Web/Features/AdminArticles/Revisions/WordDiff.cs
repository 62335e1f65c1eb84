namespace NewsPortal.Web.Features.AdminArticles.Revisions;

public enum DiffKind
{
    Same,
    Inserted,
    Deleted,
}

/// <summary>
/// A run of a word diff. <see cref="IsMarkup"/>: the text is an HTML tag shown as written (a change to the markup);
/// <see cref="IsBreak"/>: an unchanged block boundary (paragraph, heading, list item), shown as a new line.
/// </summary>
public sealed record DiffSegment(DiffKind Kind, string Text, bool IsMarkup = false, bool IsBreak = false);

/// <summary>
/// Word-level diffs (DiffPlex) of two texts, or of two HTML bodies as text: unchanged markup is hidden, changed markup
/// is shown as written, so an editor sees "bold added here" as well as the words.
/// </summary>
public static partial class WordDiff
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "figure", "figcaption", "table", "tr", "br", "hr", "div", "pre",
    };

    public static IReadOnlyList<DiffSegment> Text(string? before, string? after) =>
        Build(before ?? string.Empty, after ?? string.Empty, new CustomFunctionChunker(s => TextTokens().Matches(s).Select(m => m.Value).ToArray()), html: false);

    public static IReadOnlyList<DiffSegment> Html(string? before, string? after) =>
        Build(before ?? string.Empty, after ?? string.Empty, new CustomFunctionChunker(s => HtmlTokens().Matches(s).Select(m => m.Value).ToArray()), html: true);

    public static bool HasChanges(IReadOnlyList<DiffSegment> segments) => segments.Any(s => s.Kind != DiffKind.Same);

    private static List<DiffSegment> Build(string before, string after, IChunker chunker, bool html)
    {
        var result = Differ.Instance.CreateDiffs(before, after, false, false, chunker);
        var segments = new List<DiffSegment>();
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            for (; a < block.DeleteStartA; a++)
            {
                Add(segments, DiffKind.Same, result.PiecesOld[a], html);
            }

            for (var i = 0; i < block.DeleteCountA; i++)
            {
                Add(segments, DiffKind.Deleted, result.PiecesOld[block.DeleteStartA + i], html);
            }

            for (var i = 0; i < block.InsertCountB; i++)
            {
                Add(segments, DiffKind.Inserted, result.PiecesNew[block.InsertStartB + i], html);
            }

            a = block.DeleteStartA + block.DeleteCountA;
        }

        for (; a < result.PiecesOld.Count; a++)
        {
            Add(segments, DiffKind.Same, result.PiecesOld[a], html);
        }

        return Coalesce(segments);
    }

    /// <summary>
    /// "votes on" replaced by "narrowly backs" comes out of the diff as two replacements with an unchanged space between;
    /// it reads as one: the old words struck through together, the new ones together.
    /// </summary>
    private static List<DiffSegment> Coalesce(List<DiffSegment> segments)
    {
        var output = new List<DiffSegment>();
        System.Text.StringBuilder? deleted = null;
        System.Text.StringBuilder? inserted = null;
        void Flush()
        {
            if (deleted is { Length: > 0 })
            {
                output.Add(new DiffSegment(DiffKind.Deleted, deleted.ToString()));
            }

            if (inserted is { Length: > 0 })
            {
                output.Add(new DiffSegment(DiffKind.Inserted, inserted.ToString()));
            }

            deleted = inserted = null;
        }

        for (var i = 0; i < segments.Count; i++)
        {
            var s = segments[i];
            if (s is { IsMarkup: false, IsBreak: false, Kind: DiffKind.Deleted })
            {
                (deleted ??= new()).Append(s.Text);
            }
            else if (s is { IsMarkup: false, IsBreak: false, Kind: DiffKind.Inserted })
            {
                (inserted ??= new()).Append(s.Text);
            }
            else if (s is { Kind: DiffKind.Same, IsBreak: false, IsMarkup: false } && (deleted ?? inserted) is not null
                     && string.IsNullOrWhiteSpace(s.Text) && i + 1 < segments.Count && segments[i + 1] is { Kind: not DiffKind.Same, IsMarkup: false })
            {
                deleted?.Append(s.Text);
                inserted?.Append(s.Text);
            }
            else
            {
                Flush();
                output.Add(s);
            }
        }

        Flush();
        return output;
    }

    private static void Add(List<DiffSegment> segments, DiffKind kind, string piece, bool html)
    {
        DiffSegment next;
        if (html && piece.StartsWith('<'))
        {
            if (kind == DiffKind.Same)
            {
                // Unchanged markup is not shown; a block boundary still separates what it separated.
                if (!BlockTags.Contains(TagName(piece)) || segments is [.., { IsBreak: true }] or [])
                {
                    return;
                }

                next = new DiffSegment(kind, string.Empty, IsBreak: true);
            }
            else
            {
                next = new DiffSegment(kind, piece, IsMarkup: true);
            }
        }
        else
        {
            next = new DiffSegment(kind, html ? WebUtility.HtmlDecode(piece) : piece);
        }

        // Runs of one kind read as one change: "the old words" struck through once, not word by word.
        if (segments is [.., var last] && last.Kind == next.Kind && !last.IsBreak && !next.IsBreak && last.IsMarkup == next.IsMarkup)
        {
            segments[^1] = last with { Text = last.Text + next.Text };
        }
        else
        {
            segments.Add(next);
        }
    }

    private static string TagName(string tag) => TagNamePattern().Match(tag) is { Success: true } m ? m.Groups[1].Value : string.Empty;

    [GeneratedRegex(@"\w+|\s+|[^\w\s]", RegexOptions.CultureInvariant)]
    private static partial Regex TextTokens();

    [GeneratedRegex(@"<[^>]*>|&#?[a-zA-Z0-9]+;|\w+|\s+|[^\w\s<&]|[<&]", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTokens();

    [GeneratedRegex(@"^</?\s*([a-zA-Z0-9]+)", RegexOptions.CultureInvariant)]
    private static partial Regex TagNamePattern();
}
