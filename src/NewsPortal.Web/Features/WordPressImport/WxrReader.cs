using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace NewsPortal.Web.Features.WordPressImport;

/// <summary>
/// Streams a WordPress export (WXR) one element at a time: the channel's facts, then authors, terms and items as
/// they come. Never the whole file in memory (a newsroom's export runs to gigabytes). DTDs are refused and no
/// outside resource is ever read; the characters XML forbids are dropped on the way in (<see cref="XmlCharacterFilter"/>);
/// the encoding is the one the file declares (WordPress writes the blog's charset, not always UTF-8). A file that is
/// not XML, ends early or is not a WordPress export throws <see cref="WxrFormatException"/> with its line and column.
/// </summary>
public sealed partial class WxrReader : IDisposable
{
    private const string WordPressNamespacePrefix = "http://wordpress.org/export/";
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private const string ExcerptNamespacePrefix = "http://wordpress.org/export/";
    private const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    private readonly XmlCharacterFilter _filter;
    private readonly XmlReader _xml;

    static WxrReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private WxrReader(Stream stream)
    {
        var encoding = DeclaredEncoding(stream);
        _filter = new XmlCharacterFilter(new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024));
        _xml = XmlReader.Create(_filter, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = true,
        });
    }

    /// <summary>Characters dropped so far because XML forbids them.</summary>
    public long DroppedCharacters => _filter.Dropped;

    public static WxrReader Open(string path)
    {
        try
        {
            return new WxrReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new WxrFormatException($"The export {path} cannot be opened: {ex.Message}", ex);
        }
    }

    public static WxrReader Open(Stream stream) => new(stream);

    /// <summary>Everything in the file, in file order. The channel comes first; a file that is not a WXR throws before any item.</summary>
    public IEnumerable<object> Read()
    {
        var enumerator = ReadCore().GetEnumerator();
        while (true)
        {
            object current;
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }

                current = enumerator.Current;
            }
            catch (XmlException ex)
            {
                var (line, column) = ex.LineNumber > 0 ? (ex.LineNumber, ex.LinePosition) : LineInfo;
                throw new WxrFormatException($"The export is not well-formed XML: {Clean(ex.Message)}", line, column, ex);
            }

            yield return current;
        }
    }

    private (int Line, int Column) LineInfo => _xml is IXmlLineInfo info ? (info.LineNumber, info.LinePosition) : (0, 0);

    private IEnumerable<object> ReadCore()
    {
        if (!_xml.Read() || _xml.MoveToContent() != XmlNodeType.Element)
        {
            throw NotWxr("The file holds no XML element.");
        }

        if (_xml.LocalName != "rss")
        {
            throw NotWxr($"This is not a WordPress export: its root element is <{_xml.Name}>, not <rss>.");
        }

        string? title = null, link = null, baseSite = null, baseBlog = null, version = null;
        var channelSent = false;
        if (!ReadToChild("channel"))
        {
            throw NotWxr("This is not a WordPress export: <rss> has no <channel>.");
        }

        var depth = _xml.Depth;
        _xml.Read();
        while (!_xml.EOF && _xml.Depth > depth)
        {
            if (_xml.NodeType != XmlNodeType.Element)
            {
                _xml.Read();
                continue;
            }

            var isWp = _xml.NamespaceURI.StartsWith(WordPressNamespacePrefix, StringComparison.Ordinal);
            switch (_xml.LocalName)
            {
                case "item":
                    if (!channelSent)
                    {
                        yield return Channel();
                        channelSent = true;
                    }

                    yield return ReadItem();
                    break;
                case "author" when isWp:
                    if (!channelSent)
                    {
                        yield return Channel();
                        channelSent = true;
                    }

                    yield return ReadAuthor();
                    break;
                case "category" when isWp:
                    if (!channelSent)
                    {
                        yield return Channel();
                        channelSent = true;
                    }

                    yield return ReadTerm(WxrTaxonomy.Category);
                    break;
                case "tag" when isWp:
                    if (!channelSent)
                    {
                        yield return Channel();
                        channelSent = true;
                    }

                    yield return ReadTerm(WxrTaxonomy.Tag);
                    break;
                case "wxr_version" when isWp:
                    version = Text();
                    break;
                case "base_site_url" when isWp:
                    baseSite = Text();
                    break;
                case "base_blog_url" when isWp:
                    baseBlog = Text();
                    break;
                case "title" when _xml.NamespaceURI.Length == 0:
                    title = Text();
                    break;
                case "link" when _xml.NamespaceURI.Length == 0:
                    link = Text();
                    break;
                default:
                    _xml.Skip();
                    break;
            }
        }

        if (!channelSent)
        {
            yield return Channel();
        }

        // Read to the end, so a file cut off after its last item is still caught.
        while (_xml.Read())
        {
        }

        WxrChannel Channel() => version is null
            ? throw NotWxr("This is not a WordPress export: its channel has no <wp:wxr_version>.")
            : new WxrChannel(title, link, baseSite, baseBlog, version);
    }

    private WxrFormatException NotWxr(string message)
    {
        var (line, column) = LineInfo;
        return new WxrFormatException(message, line, column);
    }

    private bool ReadToChild(string name)
    {
        var depth = _xml.Depth;
        while (_xml.Read())
        {
            if (_xml.Depth <= depth)
            {
                return false;
            }

            if (_xml.NodeType == XmlNodeType.Element && _xml.LocalName == name && _xml.Depth == depth + 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An element's text (CDATA sections, split or not, joined), leaving the reader after it.</summary>
    private string Text() => _xml.ReadElementContentAsString();

    private WxrAuthor ReadAuthor()
    {
        string login = string.Empty, display = string.Empty;
        foreach (var (name, value) in Children())
        {
            switch (name)
            {
                case "author_login":
                    login = value;
                    break;
                case "author_display_name":
                    display = value;
                    break;
            }
        }

        return new WxrAuthor(login.Trim(), string.IsNullOrWhiteSpace(display) ? login.Trim() : display.Trim());
    }

    private WxrTerm ReadTerm(WxrTaxonomy taxonomy)
    {
        string slug = string.Empty, name = string.Empty;
        string? parent = null;
        foreach (var (key, value) in Children())
        {
            switch (key)
            {
                case "category_nicename" or "tag_slug":
                    slug = value.Trim();
                    break;
                case "cat_name" or "tag_name":
                    name = value.Trim();
                    break;
                case "category_parent":
                    parent = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
                    break;
            }
        }

        return new WxrTerm(taxonomy, slug, name, parent);
    }

    /// <summary>The simple children of the current element as (local name, text); the reader ends after the element.</summary>
    private List<(string Name, string Value)> Children()
    {
        var children = new List<(string, string)>();
        ForEachChild(() =>
        {
            var name = _xml.LocalName;
            children.Add((name, _xml.ReadElementContentAsString()));
        });
        return children;
    }

    /// <summary>
    /// Calls <paramref name="child"/> with the reader on each child element of the current element, in order (it must
    /// read or skip that child); text, comments and whitespace between them are passed over. The reader ends after the
    /// element.
    /// </summary>
    private void ForEachChild(Action child)
    {
        if (_xml.IsEmptyElement)
        {
            _xml.Read();
            return;
        }

        var depth = _xml.Depth;
        _xml.Read();
        while (!_xml.EOF && _xml.Depth > depth)
        {
            if (_xml.NodeType == XmlNodeType.Element)
            {
                child();
            }
            else
            {
                _xml.Read();
            }
        }

        _xml.Read();
    }

    private WxrItem ReadItem()
    {
        var item = new WxrItem { Line = LineInfo.Line };
        ForEachChild(() =>
        {
            var ns = _xml.NamespaceURI;
            var isWp = ns.StartsWith(WordPressNamespacePrefix, StringComparison.Ordinal);
            switch (_xml.LocalName)
            {
                case "title" when ns.Length == 0:
                    item.Title = Text();
                    break;
                case "link" when ns.Length == 0:
                    item.Link = Text().Trim();
                    break;
                case "creator" when ns == DublinCoreNamespace:
                    item.Creator = Text().Trim();
                    break;
                case "encoded" when ns == ContentNamespace:
                    item.Content = Text();
                    break;
                case "encoded" when ns.StartsWith(ExcerptNamespacePrefix, StringComparison.Ordinal):
                    item.Excerpt = Text();
                    break;
                case "category" when ns.Length == 0:
                    var domain = _xml.GetAttribute("domain");
                    var nicename = _xml.GetAttribute("nicename") ?? string.Empty;
                    var termName = Text().Trim();
                    if (domain is "category" or "post_tag")
                    {
                        item.Terms.Add(new WxrItemTerm(domain == "category" ? WxrTaxonomy.Category : WxrTaxonomy.Tag, nicename.Trim(), termName));
                    }

                    break;
                case "post_id" when isWp:
                    item.Id = Number(Text());
                    break;
                case "post_date" when isWp:
                    item.PostDate = Text();
                    break;
                case "post_date_gmt" when isWp:
                    item.PostDateGmt = Text();
                    break;
                case "post_modified_gmt" when isWp:
                    item.ModifiedGmt = Text();
                    break;
                case "comment_status" when isWp:
                    item.CommentStatus = Text().Trim();
                    break;
                case "post_name" when isWp:
                    item.PostName = Text().Trim();
                    break;
                case "status" when isWp:
                    item.Status = Text().Trim();
                    break;
                case "post_type" when isWp:
                    item.PostType = Text().Trim();
                    break;
                case "post_parent" when isWp:
                    item.PostParent = Number(Text());
                    break;
                case "attachment_url" when isWp:
                    item.AttachmentUrl = Text().Trim();
                    break;
                case "postmeta" when isWp:
                    string? key = null, value = null;
                    foreach (var (name, text) in Children())
                    {
                        if (name == "meta_key")
                        {
                            key = text;
                        }
                        else if (name == "meta_value")
                        {
                            value = text;
                        }
                    }

                    if (key is not null)
                    {
                        item.Meta[key] = value ?? string.Empty;
                    }

                    break;
                case "comment" when isWp:
                    item.Comments.Add(ReadComment());
                    break;
                default:
                    _xml.Skip();
                    break;
            }
        });
        return item;
    }

    private WxrComment ReadComment()
    {
        var comment = new WxrComment();
        ForEachChild(() =>
        {
            switch (_xml.LocalName)
            {
                case "comment_id":
                    comment.Id = Number(Text());
                    break;
                case "comment_author":
                    comment.Author = Text();
                    break;
                case "comment_author_email":
                    comment.Email = Text().Trim();
                    break;
                case "comment_author_IP":
                    comment.Ip = Text().Trim();
                    break;
                case "comment_date":
                    comment.Date = Text();
                    break;
                case "comment_date_gmt":
                    comment.DateGmt = Text();
                    break;
                case "comment_content":
                    comment.Content = Text();
                    break;
                case "comment_approved":
                    comment.Approved = Text().Trim();
                    break;
                case "comment_type":
                    comment.Type = Text().Trim();
                    break;
                case "comment_parent":
                    comment.Parent = Number(Text());
                    break;
                default:
                    _xml.Skip();
                    break;
            }
        });
        return comment;
    }

    private static long Number(string text) => long.TryParse(text.Trim(), out var value) ? value : 0;

    private static string Clean(string message) => LinePosition().Replace(message, string.Empty).TrimEnd('.', ' ') + ".";

    /// <summary>The encoding named in the XML declaration, read from the first bytes; UTF-8 when none (the XML default).</summary>
    private static Encoding DeclaredEncoding(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return Utf8;
        }

        var head = new byte[256];
        var read = stream.Read(head, 0, head.Length);
        stream.Position = 0;
        var text = Encoding.ASCII.GetString(head, 0, read);
        var match = EncodingDeclaration().Match(text);
        if (match.Success)
        {
            try
            {
                var declared = Encoding.GetEncoding(match.Groups[1].Value);
                if (declared.CodePage != Encoding.UTF8.CodePage)
                {
                    return declared;
                }
            }
            catch (ArgumentException)
            {
                // An encoding .NET does not know: read as UTF-8 and let the decoder say where it fails.
            }
        }

        return Utf8;
    }

    // A stray invalid byte (rare: WordPress re-encodes what does not look like UTF-8) becomes U+FFFD rather than
    // refusing years of posts for one character.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    [GeneratedRegex("""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")]
    private static partial Regex EncodingDeclaration();

    [GeneratedRegex(@"\s*Line \d+, position \d+\.?")]
    private static partial Regex LinePosition();

    public void Dispose() => _xml.Dispose();
}
