using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsPortal.Web.Infrastructure.Sanitizing;

namespace NewsPortal.Web.Features.WordPressImport;

/// <summary>
/// A WordPress post body as readers saw it, in NewsPortal's markup: block-editor comments dropped with their HTML
/// kept; classic posts given WordPress's paragraph rules (wpautop: a blank line is a paragraph, a single line break a
/// &lt;br&gt;, never inside block elements or &lt;pre&gt;); <c>[caption]</c> as a figure with its figcaption; a YouTube
/// or Vimeo address on its own line, in an embed block or an <c>[embed]</c>/<c>[youtube]</c> shortcode as the
/// editor's embed figure; other shortcodes removed with their inner text kept; images re-pointed by the caller; then the article sanitizer, so nothing that runs survives. Thread-safe.
/// </summary>
public sealed partial class WordPressContent
{
    private const string Blocks =
        "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary";

    /// <summary>Shortcodes whose whole content is dropped: their inner text is configuration, not prose.</summary>
    private static readonly HashSet<string> DropInner = new(["gallery", "playlist", "audio", "video", "contact-form-7", "contact-form"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Well-known names recognised even written bare (<c>[gallery]</c>); other bare brackets ("[sic]") are prose.</summary>
    private static readonly HashSet<string> KnownNames = new(
        ["gallery", "playlist", "audio", "video", "embed", "youtube", "vimeo", "wpvideo", "caption", "wp_caption", "contact-form-7", "contact-form", "soundcloud", "tweet", "instagram", "googlemaps", "pdf-embedder", "su_note", "button", "columns", "column", "one_half", "one_third", "row", "col", "quote", "pullquote", "tabs", "tab", "accordion", "toggle"],
        StringComparer.OrdinalIgnoreCase);

    private readonly ArticleSanitizer _sanitizer;

    public WordPressContent(ArticleSanitizer sanitizer) => _sanitizer = sanitizer;

    /// <param name="content">The post's <c>content:encoded</c>.</param>
    /// <param name="images">An image address to its new address, or null to keep the address as it was.</param>
    /// <param name="tally">Counts for the summary (shortcodes removed, embeds made, images kept or moved).</param>
    public string ToArticleHtml(string content, Func<string, string?> images, ContentTally tally)
    {
        var html = (content ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var isBlocks = html.Contains("<!-- wp:", StringComparison.Ordinal);

        html = EmbedBlock().Replace(html, m => EmbedFor(UrlOfEmbedBlock(m), tally) ?? m.Groups["inner"].Value);
        html = BlockComment().Replace(html, string.Empty);
        html = MoreTag().Replace(html, string.Empty);
        html = Shortcodes(html, tally, depth: 0);
        html = EmbedLine().Replace(html, m => EmbedFor(m.Groups["url"].Value, tally) ?? m.Value);
        if (!isBlocks)
        {
            html = AutoP(html);
        }

        html = EmbedParagraph().Replace(html, m => EmbedFor(WebUtility.HtmlDecode(m.Groups["url"].Value), tally) ?? m.Value);
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

        var external = _sanitizer.ImagesFromOtherSites(html);
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

        return EmptyParagraph().Replace(_sanitizer.Sanitize(html), string.Empty).Trim();
    }

    /// <summary>Plain text for a headline, a name or a term: tags dropped, entities decoded once, spaces collapsed.</summary>
    public static string PlainText(string? text)
    {
        var noTags = Tag().Replace(text ?? string.Empty, " ");
        return Spaces().Replace(WebUtility.HtmlDecode(noTags), " ").Trim();
    }

    /// <summary>The editor's embed figure for a YouTube or Vimeo address (the shape schema.js writes), else null.</summary>
    public static string? EmbedFigure(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        host = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host.StartsWith("m.", StringComparison.Ordinal) ? host[2..] : host;
        var path = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string? id = null;
        if (host is "youtube.com" or "youtube-nocookie.com")
        {
            id = path.FirstOrDefault() == "watch"
                ? System.Web.HttpUtility.ParseQueryString(uri.Query)["v"]
                : path.Length > 1 && path[0] is "embed" or "shorts" or "live" or "v" ? path[1] : null;
        }
        else if (host == "youtu.be")
        {
            id = path.FirstOrDefault();
        }

        if (id is not null && YouTubeId().IsMatch(id))
        {
            return $"<figure class=\"embed\" data-embed=\"youtube\" data-id=\"{id}\"><a href=\"https://www.youtube.com/watch?v={id}\">Watch the video on YouTube</a></figure>";
        }

        if (host is "vimeo.com" or "player.vimeo.com" && path.FirstOrDefault(VimeoId().IsMatch) is { } vimeo)
        {
            return $"<figure class=\"embed\" data-embed=\"vimeo\" data-id=\"{vimeo}\"><a href=\"https://vimeo.com/{vimeo}\">Watch the video on Vimeo</a></figure>";
        }

        return null;
    }

    private static string? EmbedFor(string? url, ContentTally tally)
    {
        if (url is null)
        {
            return null;
        }

        var figure = EmbedFigure(url);
        if (figure is not null)
        {
            tally.Embeds++;
            return $"\n\n{figure}\n\n";
        }

        return null;
    }

    private static string? UrlOfEmbedBlock(Match block)
    {
        var json = block.Groups["json"].Value;
        if (json.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                if (document.RootElement.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String)
                {
                    return url.GetString();
                }
            }
            catch (JsonException)
            {
                // Fall back to the address in the block's HTML.
            }
        }

        return UrlInText().Match(Tag().Replace(block.Groups["inner"].Value, " ")) is { Success: true } m ? m.Value : null;
    }

    private static string Shortcodes(string html, ContentTally tally, int depth)
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
                    return Caption(Shortcodes(inner, tally, depth + 1), attributes);
                case "embed":
                    return EmbedFor(PlainText(inner), tally) ?? Link(PlainText(inner));
                case "youtube" or "vimeo":
                    var address = (hasInner ? PlainText(inner) : attributes.TrimStart('=', ' ')).Trim().Trim('"', '\'');
                    var vimeoOrYouTube = address.StartsWith("http", StringComparison.OrdinalIgnoreCase) || name.Equals("youtube", StringComparison.OrdinalIgnoreCase)
                        ? address
                        : $"https://vimeo.com/{address}";
                    return EmbedFor(vimeoOrYouTube, tally) ?? Link(address);
            }

            tally.Shortcode(name);
            return DropInner.Contains(name) ? string.Empty : Shortcodes(inner, tally, depth + 1);
        });
    }

    private static string Link(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out _) ? $"<p><a href=\"{WebUtility.HtmlEncode(url)}\">{WebUtility.HtmlEncode(url)}</a></p>" : WebUtility.HtmlEncode(url);

    private static string Caption(string inner, string attributes)
    {
        // The caption is the text after the image (newer WordPress) or the caption="" attribute (older).
        var media = CaptionMedia().Match(inner);
        var text = media.Success ? inner[(media.Index + media.Length)..] : inner;
        if (string.IsNullOrWhiteSpace(PlainText(text)) && CaptionAttribute().Match(attributes) is { Success: true } attribute)
        {
            text = WebUtility.HtmlDecode(attribute.Groups["text"].Value);
        }

        var image = media.Success ? media.Value : string.Empty;
        return $"\n\n<figure>{image}<figcaption>{text.Trim()}</figcaption></figure>\n\n";
    }

    /// <summary>WordPress's wpautop, the rules its classic editor's posts were written against.</summary>
    internal static string AutoP(string text)
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

    [GeneratedRegex(@"<!--\s*wp:(?:core-)?embed(?:/[a-z0-9-]+)?\s*(?<json>\{.*?\})?\s*/?-->(?<inner>.*?)<!--\s*/wp:(?:core-)?embed(?:/[a-z0-9-]+)?\s*-->", RegexOptions.Singleline)]
    private static partial Regex EmbedBlock();

    [GeneratedRegex(@"<!--\s*/?wp:.*?-->", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    [GeneratedRegex(@"<!--\s*(?:more|nextpage|noteaser)\b.*?-->", RegexOptions.Singleline)]
    private static partial Regex MoreTag();

    [GeneratedRegex(@"(?<open>\[?)\[(?<name>[A-Za-z][A-Za-z0-9_-]*)(?<attrs>(?:=[^\]]*|\s[^\]]*)?)\](?:(?<inner>.*?)\[/\k<name>\])?(?<close>\]?)", RegexOptions.Singleline)]
    private static partial Regex Shortcode();

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

    [GeneratedRegex(@"^\s*(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?", RegexOptions.IgnoreCase)]
    private static partial Regex CaptionMedia();

    [GeneratedRegex(@"caption\s*=\s*""(?<text>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex CaptionAttribute();

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex UrlInText();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

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
    private static partial Regex EmptyParagraph();

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

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$")]
    private static partial Regex YouTubeId();

    [GeneratedRegex("^[0-9]{6,12}$")]
    private static partial Regex VimeoId();
}

/// <summary>What content conversion did, summed over an import for its summary.</summary>
public sealed class ContentTally
{
    public Dictionary<string, long> ShortcodesRemoved { get; } = new(StringComparer.OrdinalIgnoreCase);
    public long Captions { get; set; }
    public long Embeds { get; set; }
    public long ImagesKept { get; set; }
    public long ImagesMoved { get; set; }
    public long ImagesLinked { get; set; }

    public void Shortcode(string name)
    {
        var key = name.ToLowerInvariant();
        ShortcodesRemoved[key] = ShortcodesRemoved.GetValueOrDefault(key) + 1;
    }
}
