namespace NewsPortal.Web.Infrastructure.Sanitizing;

/// <summary>
/// The policy for article bodies written by the newsroom: structure, links, images, figures and tables;
/// nothing that runs, styles, submits or frames. Images only from this site and <see cref="ImageOrigins"/> (the
/// origins the Content-Security-Policy lets readers' browsers load). Built once; HtmlSanitizer is thread-safe once
/// configured. The article editor (ClientApp/editor/src/schema.js) writes only what this keeps, so its output
/// passes unchanged; the two classes are its pull quote (<c>blockquote.pullquote</c>) and video embed
/// (<c>figure.embed</c>, a plain link that wwwroot/js/embeds.js turns into a player only when the reader asks).
/// </summary>
public sealed partial class ArticleSanitizer
{
    private static readonly string[] AllowedTags =
    [
        "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "sub", "sup", "small",
        "mark", "abbr", "cite", "q", "code", "pre", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "a", "img",
        "figure", "figcaption", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "span", "time",
    ];

    private static readonly string[] AllowedAttributes =
    [
        "href", "title", "src", "alt", "width", "height", "loading", "colspan", "rowspan", "scope", "datetime",
        "cite", "lang", "dir", "start", "class", "data-embed", "data-id",
    ];

    private static readonly Dictionary<string, string> ClassElements = new(StringComparer.Ordinal)
    {
        ["pullquote"] = "BLOCKQUOTE",
        ["embed"] = "FIGURE",
    };

    private readonly HtmlSanitizer _sanitizer;
    private readonly ImageOrigins _imageOrigins;

    /// <summary>Images from this site only.</summary>
    public ArticleSanitizer()
        : this(ImageOrigins.None)
    {
    }

    public ArticleSanitizer(ImageOrigins imageOrigins)
    {
        _imageOrigins = imageOrigins;
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "cite"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            // An empty set would allow every class; these two are the editor's.
            AllowedClasses = new HashSet<string>(ClassElements.Keys, StringComparer.Ordinal),
        };
        _sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        _sanitizer.RemovingTag += (_, e) =>
        {
            // Keep the text of unknown wrappers (e.g. a pasted <div>) but never the content of active elements.
            var name = e.Tag.NodeName.ToUpperInvariant();
            if (name is "SCRIPT" or "STYLE" or "IFRAME" or "OBJECT" or "EMBED" or "FORM" or "TEMPLATE" or "NOSCRIPT"
                or "SVG" or "MATH" or "FRAME" or "FRAMESET" or "TEXTAREA" or "SELECT")
            {
                e.Tag.TextContent = string.Empty;
            }
        };
        _sanitizer.FilterUrl += (_, e) =>
        {
            if (e.Tag.NodeName.Equals("IMG", StringComparison.OrdinalIgnoreCase) && !_imageOrigins.IsAllowed(e.OriginalUrl))
            {
                // The reader's browser would refuse it anyway (img-src); drop the address rather than store it.
                e.SanitizedUrl = null;
            }
        };
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement element)
            {
                KeepEditorMarkupOnItsElement(element);
            }

            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link
                && link.GetAttribute("href") is { } href
                && Uri.TryCreate(href, UriKind.Absolute, out var uri)
                && uri.Scheme is "http" or "https")
            {
                // Outbound links must not hand our window to the target.
                link.SetAttribute("rel", "noopener");
            }
        };
    }

    /// <summary>
    /// A class only on the element it belongs to, and the embed's data attributes only on a well-formed embed: a
    /// known provider and an id of that provider's shape, as embeds.js and the editor's video.js expect.
    /// </summary>
    private static void KeepEditorMarkupOnItsElement(AngleSharp.Dom.IElement element)
    {
        if (element.GetAttribute("class") is { } classes
            && (!ClassElements.TryGetValue(classes, out var owner) || owner != element.TagName))
        {
            element.RemoveAttribute("class");
        }

        var isEmbed = element.TagName == "FIGURE" && element.GetAttribute("class") == "embed";
        var provider = element.GetAttribute("data-embed");
        var id = element.GetAttribute("data-id") ?? string.Empty;
        var wellFormed = isEmbed && provider switch
        {
            "youtube" => YouTubeId().IsMatch(id),
            "vimeo" => VimeoId().IsMatch(id),
            _ => false,
        };
        if (!wellFormed)
        {
            element.RemoveAttribute("data-embed");
            element.RemoveAttribute("data-id");
            if (isEmbed)
            {
                element.RemoveAttribute("class");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$")]
    private static partial Regex YouTubeId();

    [GeneratedRegex("^[0-9]{6,12}$")]
    private static partial Regex VimeoId();

    public string Sanitize(string html) => _sanitizer.Sanitize(html ?? string.Empty);

    /// <summary>
    /// The addresses of images in <paramref name="html"/> on other sites than this one and <see cref="ImageOrigins"/>:
    /// <see cref="Sanitize"/> drops them, so the editor is told instead of losing them silently.
    /// </summary>
    public IReadOnlyList<string> ImagesFromOtherSites(string html) =>
        [.. new HtmlParser().ParseDocument(html ?? string.Empty).QuerySelectorAll("img[src]")
            .Select(image => image.GetAttribute("src")!.Trim())
            .Where(src => IsWebAddress(src) && !_imageOrigins.IsAllowed(src))
            .Distinct(StringComparer.Ordinal)];

    private static bool IsWebAddress(string src) =>
        src.StartsWith("//", StringComparison.Ordinal)
        || (Uri.TryCreate(src, UriKind.Absolute, out var uri) && !src.StartsWith('/') && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));
}
