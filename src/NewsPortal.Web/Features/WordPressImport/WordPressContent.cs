namespace NewsPortal.Web.Features.WordPressImport;

/// <summary>
/// A WordPress post body as readers saw it, in NewsPortal's markup: block-editor comments dropped with their HTML
/// kept; classic posts given WordPress's paragraph rules (wpautop: a blank line is a paragraph, a single line break a
/// &lt;br&gt;, never inside block elements or &lt;pre&gt;); <c>[caption]</c> as a figure with its figcaption; a YouTube
/// or Vimeo address on its own line, in an embed block or an <c>[embed]</c>/<c>[youtube]</c> shortcode as the
/// editor's embed figure; other shortcodes removed with their inner text kept; images re-pointed by the caller; then the article sanitizer, so nothing that runs survives. Thread-safe.
/// </summary>
public sealed partial class WordPressContent(ArticleSanitizer sanitizer)
{
    /// <param name="content">The post's <c>content:encoded</c>.</param>
    /// <param name="images">An image address to its new address, or null to keep the address as it was.</param>
    /// <param name="tally">Counts for the summary (shortcodes removed, embeds made, images kept or moved).</param>
    public string ToArticleHtml(string content, Func<string, string?> images, ContentTally tally)
    {
        var html = (content ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var isBlocks = html.Contains("<!-- wp:", StringComparison.Ordinal);

        html = EmbedBlock().Replace(html, m => WordPressEmbeds.For(WordPressEmbeds.UrlOfBlock(m), tally) ?? m.Groups["inner"].Value);
        html = BlockComment().Replace(html, string.Empty);
        html = MoreTag().Replace(html, string.Empty);
        html = WordPressShortcodes.Replace(html, tally);
        html = EmbedLine().Replace(html, m => WordPressEmbeds.For(m.Groups["url"].Value, tally) ?? m.Value);
        if (!isBlocks)
        {
            html = WordPressAutoP.Apply(html);
        }

        html = EmbedParagraph().Replace(html, m => WordPressEmbeds.For(WebUtility.HtmlDecode(m.Groups["url"].Value), tally) ?? m.Value);
        html = ImageSource().Replace(html, m =>
        {
            var original = WebUtility.HtmlDecode(m.Groups["src"].Value);
            var moved = images(original);
            if (moved is null)
            {
                tally.ImagesKept++;
                return m.Value;
            }

            tally.ImagesMoved++;
            return $"{m.Groups["before"].Value}{WebUtility.HtmlEncode(moved)}{m.Groups["after"].Value}";
        });

        var external = sanitizer.ImagesFromOtherSites(html);
        if (external.Count > 0)
        {
            // The sanitizer drops images from sites readers' browsers may not load; a link keeps the address instead.
            var refused = new HashSet<string>(external, StringComparer.Ordinal);
            string? RefusedSource(string tag) =>
                ImageSource().Match(tag) is { Success: true } s && WebUtility.HtmlDecode(s.Groups["src"].Value).Trim() is var src && refused.Contains(src) ? src : null;
            string AltOf(string tag) => AltText().Match(tag) is { Success: true, Groups: var g } && g["alt"].Value.Length > 0 ? g["alt"].Value : "Image";

            // An image already wrapped in a link (to its full size, usually): the link stays, the alt text its words.
            html = LinkedImage().Replace(html, m =>
            {
                if (RefusedSource(m.Groups["img"].Value) is null)
                {
                    return m.Value;
                }

                tally.ImagesLinked++;
                tally.ImagesKept--;
                return $"{m.Groups["open"].Value}{AltOf(m.Groups["img"].Value)}</a>";
            });
            html = ImageTag().Replace(html, m =>
            {
                var src = ImageSource().Match(m.Value) is { Success: true } s ? WebUtility.HtmlDecode(s.Groups["src"].Value).Trim() : null;
                if (src is null || !refused.Contains(src))
                {
                    return m.Value;
                }

                tally.ImagesLinked++;
                tally.ImagesKept--;
                var alt = AltText().Match(m.Value) is { Success: true } a ? a.Groups["alt"].Value : string.Empty;
                return $"<a href=\"{WebUtility.HtmlEncode(src)}\">{(alt.Length > 0 ? alt : "Image")}</a>";
            });
        }

        return WordPressAutoP.EmptyParagraph().Replace(sanitizer.Sanitize(html), string.Empty).Trim();
    }

    /// <summary>Plain text for a headline, a name or a term: tags dropped, entities decoded once, spaces collapsed.</summary>
    public static string PlainText(string? text)
    {
        var noTags = Tags().Replace(text ?? string.Empty, " ");
        return Spaces().Replace(WebUtility.HtmlDecode(noTags), " ").Trim();
    }

    [GeneratedRegex(@"<!--\s*wp:(?:core-)?embed(?:/[a-z0-9-]+)?\s*(?<json>\{.*?\})?\s*/?-->(?<inner>.*?)<!--\s*/wp:(?:core-)?embed(?:/[a-z0-9-]+)?\s*-->", RegexOptions.Singleline)]
    private static partial Regex EmbedBlock();

    [GeneratedRegex(@"<!--\s*/?wp:.*?-->", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    [GeneratedRegex(@"<!--\s*(?:more|nextpage|noteaser)\b.*?-->", RegexOptions.Singleline)]
    private static partial Regex MoreTag();

    [GeneratedRegex(@"^[ \t]*(?<url>https?://[^\s<>""]+)[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex EmbedLine();

    [GeneratedRegex(@"<p>\s*(?:<a [^>]*>)?(?<url>https?://[^\s<>""]+)(?:</a>)?\s*</p>")]
    private static partial Regex EmbedParagraph();

    [GeneratedRegex(@"(?<before><img\b[^>]*?\ssrc\s*=\s*[""'])(?<src>[^""']+)(?<after>[""'])", RegexOptions.IgnoreCase)]
    private static partial Regex ImageSource();

    [GeneratedRegex(@"(?<open><a\b[^>]*>)\s*(?<img><img\b[^>]*>)\s*</a>", RegexOptions.IgnoreCase)]
    private static partial Regex LinkedImage();

    [GeneratedRegex(@"<img\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ImageTag();

    [GeneratedRegex(@"\salt\s*=\s*[""'](?<alt>[^""']*)[""']", RegexOptions.IgnoreCase)]
    private static partial Regex AltText();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("<[^>]*>")]
    internal static partial Regex Tags();
}
