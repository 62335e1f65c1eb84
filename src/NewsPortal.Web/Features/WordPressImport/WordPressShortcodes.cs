namespace NewsPortal.Web.Features.WordPressImport;

/// <summary>
/// WordPress shortcodes: <c>[caption]</c> as a figure with its figcaption; <c>[embed]</c>, <c>[youtube]</c> and
/// <c>[vimeo]</c> as the editor's embed figure (else a link); the rest removed with their inner text kept (or dropped,
/// for those whose inner text is configuration). Brackets that are prose ("[sic]") stay.
/// </summary>
internal static partial class WordPressShortcodes
{
    /// <summary>Shortcodes whose whole content is dropped: their inner text is configuration, not prose.</summary>
    private static readonly HashSet<string> DropInner = new(["gallery", "playlist", "audio", "video", "contact-form-7", "contact-form"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Well-known names recognised even written bare (<c>[gallery]</c>); other bare brackets ("[sic]") are prose.</summary>
    private static readonly HashSet<string> KnownNames = new(
        ["gallery", "playlist", "audio", "video", "embed", "youtube", "vimeo", "wpvideo", "caption", "wp_caption", "contact-form-7", "contact-form", "soundcloud", "tweet", "instagram", "googlemaps", "pdf-embedder", "su_note", "button", "columns", "column", "one_half", "one_third", "row", "col", "quote", "pullquote", "tabs", "tab", "accordion", "toggle"],
        StringComparer.OrdinalIgnoreCase);

    public static string Replace(string html, ContentTally tally) => Replace(html, tally, depth: 0);

    private static string Replace(string html, ContentTally tally, int depth)
    {
        if (depth > 8 || !html.Contains('[', StringComparison.Ordinal))
        {
            return html;
        }

        return Shortcode().Replace(html, m =>
        {
            if (m.Groups["open"].Value == "[" && m.Groups["close"].Value == "]")
            {
                // [[name]] is WordPress's way to write a shortcode as text.
                return m.Value[1..^1];
            }

            var name = m.Groups["name"].Value;
            var attributes = m.Groups["attrs"].Value;
            var hasInner = m.Groups["inner"].Success;
            if (!hasInner && !KnownNames.Contains(name) && !attributes.Contains('=', StringComparison.Ordinal)
                && !name.Contains('_', StringComparison.Ordinal) && !name.Contains('-', StringComparison.Ordinal))
            {
                // "[sic]", "[1]", "[citation needed]": prose in brackets, not a shortcode.
                return m.Value;
            }

            var inner = hasInner ? m.Groups["inner"].Value : string.Empty;
            switch (name.ToLowerInvariant())
            {
                case "caption" or "wp_caption":
                    tally.Captions++;
                    return Caption(Replace(inner, tally, depth + 1), attributes);
                case "embed":
                    return WordPressEmbeds.For(WordPressContent.PlainText(inner), tally) ?? Link(WordPressContent.PlainText(inner));
                case "youtube" or "vimeo":
                    var address = (hasInner ? WordPressContent.PlainText(inner) : attributes.TrimStart('=', ' ')).Trim().Trim('"', '\'');
                    var vimeoOrYouTube = address.StartsWith("http", StringComparison.OrdinalIgnoreCase) || name.Equals("youtube", StringComparison.OrdinalIgnoreCase)
                        ? address
                        : $"https://vimeo.com/{address}";
                    return WordPressEmbeds.For(vimeoOrYouTube, tally) ?? Link(address);
            }

            tally.Shortcode(name);
            return DropInner.Contains(name) ? string.Empty : Replace(inner, tally, depth + 1);
        });
    }

    private static string Link(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out _) ? $"<p><a href=\"{WebUtility.HtmlEncode(url)}\">{WebUtility.HtmlEncode(url)}</a></p>" : WebUtility.HtmlEncode(url);

    private static string Caption(string inner, string attributes)
    {
        // The caption is the text after the image (newer WordPress) or the caption="" attribute (older).
        var media = CaptionMedia().Match(inner);
        var text = media.Success ? inner[(media.Index + media.Length)..] : inner;
        if (string.IsNullOrWhiteSpace(WordPressContent.PlainText(text)) && CaptionAttribute().Match(attributes) is { Success: true } attribute)
        {
            text = WebUtility.HtmlDecode(attribute.Groups["text"].Value);
        }

        var image = media.Success ? media.Value : string.Empty;
        return $"\n\n<figure>{image}<figcaption>{text.Trim()}</figcaption></figure>\n\n";
    }

    [GeneratedRegex(@"(?<open>\[?)\[(?<name>[A-Za-z][A-Za-z0-9_-]*)(?<attrs>(?:=[^\]]*|\s[^\]]*)?)\](?:(?<inner>.*?)\[/\k<name>\])?(?<close>\]?)", RegexOptions.Singleline)]
    private static partial Regex Shortcode();

    [GeneratedRegex(@"^\s*(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?", RegexOptions.IgnoreCase)]
    private static partial Regex CaptionMedia();

    [GeneratedRegex(@"caption\s*=\s*""(?<text>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex CaptionAttribute();
}
