namespace NewsPortal.Web.Features.WordPressImport;

/// <summary>
/// WordPress's wpautop, the rules its classic editor's posts were written against: a blank line is a paragraph, a
/// single line break a &lt;br&gt;, never inside block elements or &lt;pre&gt;.
/// </summary>
internal static partial class WordPressAutoP
{
    private const string Blocks =
        "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary";

    public static string Apply(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        // <pre> keeps its line breaks exactly: set aside, put back at the end.
        var kept = new List<string>();
        var pee = Pre().Replace(text, m =>
        {
            kept.Add(m.Value);
            return $"<pre wp-pre-tag-{kept.Count - 1}></pre>";
        }) + "\n";

        pee = BrBr().Replace(pee, "\n\n");
        pee = BlockOpen().Replace(pee, "\n\n$1");
        pee = BlockClose().Replace(pee, "$1\n\n");
        pee = HrTag().Replace(pee, "$1\n\n");
        pee = ManyNewLines().Replace(pee, "\n\n");
        var paragraphs = BlankLine().Split(pee);
        var result = new StringBuilder(pee.Length + 64);
        foreach (var paragraph in paragraphs)
        {
            if (string.IsNullOrWhiteSpace(paragraph))
            {
                continue;
            }

            result.Append("<p>").Append(paragraph.Trim('\n')).Append("</p>\n");
        }

        pee = result.ToString();
        pee = EmptyParagraph().Replace(pee, string.Empty);
        pee = ParagraphAroundBlockOpen().Replace(pee, "$1");
        pee = ParagraphAroundBlock().Replace(pee, "$1");
        pee = ParagraphAroundBlockEnd().Replace(pee, "$1");
        pee = NewLinesInTags().Replace(pee, m => m.Value.Replace('\n', ' '));
        pee = LineBreak().Replace(pee, "<br>\n");
        pee = BrAfterBlock().Replace(pee, "$1");
        pee = BrBeforeBlock().Replace(pee, "$1");
        pee = Regex.Replace(pee, "\n</p>$", "</p>", RegexOptions.None, TimeSpan.FromSeconds(1));
        for (var i = 0; i < kept.Count; i++)
        {
            pee = pee.Replace($"<pre wp-pre-tag-{i}></pre>", kept[i], StringComparison.Ordinal);
        }

        return pee;
    }

    [GeneratedRegex(@"<pre[\s>].*?</pre>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Pre();

    [GeneratedRegex(@"<br\s*/?>\s*<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BrBr();

    [GeneratedRegex("(<(?:" + Blocks + @")[\s/>])", RegexOptions.IgnoreCase)]
    private static partial Regex BlockOpen();

    [GeneratedRegex("(</(?:" + Blocks + ")>)", RegexOptions.IgnoreCase)]
    private static partial Regex BlockClose();

    [GeneratedRegex(@"(<hr\s*?/?>)", RegexOptions.IgnoreCase)]
    private static partial Regex HrTag();

    [GeneratedRegex(@"\n\s*\n\s*(?:\n\s*)+")]
    private static partial Regex ManyNewLines();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"<p>\s*</p>\n?")]
    internal static partial Regex EmptyParagraph();

    [GeneratedRegex("<p>\\s*(</?(?:" + Blocks + ")[^>]*>)\\s*</p>", RegexOptions.IgnoreCase)]
    private static partial Regex ParagraphAroundBlock();

    [GeneratedRegex("<p>\\s*(</?(?:" + Blocks + ")[^>]*>)", RegexOptions.IgnoreCase)]
    private static partial Regex ParagraphAroundBlockOpen();

    [GeneratedRegex("(</?(?:" + Blocks + ")[^>]*>)\\s*</p>", RegexOptions.IgnoreCase)]
    private static partial Regex ParagraphAroundBlockEnd();

    [GeneratedRegex(@"<[^>]*\n[^>]*>")]
    private static partial Regex NewLinesInTags();

    [GeneratedRegex(@"(?<!<br>)\s*\n(?!\s*</?p>|$)")]
    private static partial Regex LineBreak();

    [GeneratedRegex("(</?(?:" + Blocks + ")[^>]*>)\\s*<br>", RegexOptions.IgnoreCase)]
    private static partial Regex BrAfterBlock();

    [GeneratedRegex(@"<br>(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol|figure|figcaption)[^>]*>)", RegexOptions.IgnoreCase)]
    private static partial Regex BrBeforeBlock();
}
