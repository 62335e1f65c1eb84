namespace NewsPortal.Web.Infrastructure.Sanitizing;

/// <summary>
/// Turns what a reader typed into the HTML that is stored and later rendered raw. Plain text with paragraphs;
/// a small allowlist of inline markup survives; bare URLs become links; every link is nofollow/ugc and only
/// http(s). Runs once, at write time. Thread-safe: the HtmlSanitizer is configured once and never changed.
/// </summary>
public sealed partial class CommentSanitizer
{
    public const string LinkRel = "nofollow ugc noopener";

    private static readonly HashSet<string> AllowedTagNames =
        new(["p", "br", "b", "i", "em", "strong", "code", "blockquote", "a"], StringComparer.OrdinalIgnoreCase);

    private readonly HtmlSanitizer _sanitizer;

    public CommentSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = AllowedTagNames,
            AllowedAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        };
        _sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        _sanitizer.RemovingTag += (_, e) =>
        {
            // Unknown wrappers keep their text; active or hidden content goes entirely.
            if (e.Tag.NodeName.ToUpperInvariant() is "SCRIPT" or "STYLE" or "IFRAME" or "OBJECT" or "EMBED" or "TEMPLATE"
                or "NOSCRIPT" or "SVG" or "MATH" or "FRAME" or "FRAMESET" or "TEXTAREA" or "SELECT" or "TITLE" or "XMP"
                or "NOEMBED" or "NOFRAMES" or "PLAINTEXT" or "HEAD")
            {
                e.Tag.TextContent = string.Empty;
            }
        };
        _sanitizer.PostProcessDom += (_, e) => FinishLinks(e.Document);
    }

    /// <summary>Sanitizes a cleaned body (see CommentText.CleanBody).</summary>
    public string Sanitize(string text)
    {
        var html = _sanitizer.Sanitize(Paragraphs(text ?? string.Empty));
        return html.Trim();
    }

    /// <summary>Number of links in sanitized comment HTML, for the link-count rule.</summary>
    public static int CountLinks(string sanitizedHtml) => AnchorRegex().Count(sanitizedHtml);

    /// <summary>Blank lines separate paragraphs; single line breaks are kept as &lt;br&gt;.</summary>
    internal static string Paragraphs(string text)
    {
        var blocks = BlankLines().Split(NewLinesInsideTagsToSpaces(text.Trim()));
        var html = new StringBuilder(text.Length + 32);
        foreach (var block in blocks)
        {
            if (block.Length == 0)
            {
                continue;
            }

            html.Append("<p>").Append(block.Replace("\n", "<br>\n", StringComparison.Ordinal)).Append("</p>\n");
        }

        return html.ToString();
    }

    /// <summary>
    /// A line break typed inside a tag ("&lt;a\nhref=...&gt;") is just white space to HTML; it must not become a
    /// paragraph or &lt;br&gt; in the middle of the tag.
    /// </summary>
    private static string NewLinesInsideTagsToSpaces(string text)
    {
        var result = new StringBuilder(text.Length);
        var inTag = false;
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (!inTag)
            {
                inTag = ch == '<' && i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] is '/' or '!');
            }
            else if (quote != '\0')
            {
                quote = ch == quote ? '\0' : quote;
            }
            else if (ch is '"' or '\'')
            {
                quote = ch;
            }
            else if (ch == '>')
            {
                inTag = false;
            }

            result.Append(inTag && ch == '\n' ? ' ' : ch);
        }

        return result.ToString();
    }

    private static void FinishLinks(INode root)
    {
        Linkify(root);
        if (root is IParentNode parent)
        {
            foreach (var link in parent.QuerySelectorAll("a"))
            {
                // HtmlSanitizer checks a scheme only when there is one; relative and scheme-relative links
                // ("//evil.example", "/admin/...") are no place for a reader's link to go.
                if (link.GetAttribute("href") is { Length: > 0 } href
                    && Uri.TryCreate(href, UriKind.Absolute, out var uri)
                    && uri.Scheme is "http" or "https"
                    && !href.StartsWith("//", StringComparison.Ordinal))
                {
                    link.SetAttribute("rel", LinkRel);
                }
                else
                {
                    link.RemoveAttribute("href");
                    link.RemoveAttribute("rel");
                }
            }
        }
    }

    /// <summary>Wraps bare http(s) URLs in text nodes (not already inside a link) in anchors.</summary>
    private static void Linkify(INode node)
    {
        foreach (var child in node.ChildNodes.ToArray())
        {
            if (child is IElement { LocalName: "a" or "code" })
            {
                continue;
            }

            if (child is IText text && BareUrl().IsMatch(text.Data))
            {
                ReplaceWithLinks(text);
            }
            else if (child.HasChildNodes)
            {
                Linkify(child);
            }
        }
    }

    private static void ReplaceWithLinks(IText text)
    {
        var document = text.Owner!;
        var parent = text.Parent!;
        var data = text.Data;
        var last = 0;
        foreach (Match match in BareUrl().Matches(data))
        {
            var url = TrimUrl(match.Value);
            if (last < match.Index)
            {
                parent.InsertBefore(document.CreateTextNode(data[last..match.Index]), text);
            }

            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                var link = document.CreateElement("a");
                link.SetAttribute("href", uri.AbsoluteUri);
                link.TextContent = url;
                parent.InsertBefore(link, text);
            }
            else
            {
                parent.InsertBefore(document.CreateTextNode(url), text);
            }

            last = match.Index + url.Length;
        }

        parent.InsertBefore(document.CreateTextNode(data[last..]), text);
        parent.RemoveChild(text);
    }

    /// <summary>Trailing punctuation belongs to the sentence, except a ")" that closes a "(" inside the URL.</summary>
    private static string TrimUrl(string url)
    {
        while (url.Length > 0)
        {
            var last = url[^1];
            if (last is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '"'
                || (last == ')' && url.Count(c => c == ')') > url.Count(c => c == '(')))
            {
                url = url[..^1];
                continue;
            }

            break;
        }

        return url;
    }

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"\bhttps?://[^\s<>""]+", RegexOptions.IgnoreCase)]
    private static partial Regex BareUrl();

    [GeneratedRegex(@"<a\s[^>]*\bhref=", RegexOptions.IgnoreCase)]
    private static partial Regex AnchorRegex();

    /// <summary>Plain text of sanitized HTML, e.g. for keyword rules and search.</summary>
    public static string ToPlainText(string html) => WebUtility.HtmlDecode(TagRegex().Replace(html, " "));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagRegex();

    /// <summary>
    /// Stored comment HTML turned back into what a person would type (paragraphs as blank lines, line breaks as
    /// newlines, inline markup kept) so a moderator can edit it; the result goes through <see cref="Sanitize"/> again.
    /// </summary>
    public static string ToEditableText(string html)
    {
        var text = ParagraphBreak().Replace(html.Trim(), "\n\n");
        text = LineBreak().Replace(text, "\n");
        text = text.Replace("<p>", string.Empty, StringComparison.Ordinal).Replace("</p>", string.Empty, StringComparison.Ordinal);
        text = RelAttribute().Replace(text, string.Empty);
        return WebUtility.HtmlDecode(text).Trim();
    }

    [GeneratedRegex(@"</p>\s*<p>")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"<br\s*/?>\n?")]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"\s+rel=""[^""]*""")]
    private static partial Regex RelAttribute();
}
