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

    private WxrReader(Stream stream)
    {
        var encoding = WxrEncoding.Declared(stream);
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
            var isEntry = _xml.LocalName == "item" || (isWp && _xml.LocalName is "author" or "category" or "tag");
            if (isEntry && !channelSent)
            {
                // Readers of the entries need the channel's facts first, wherever the file puts them.
                yield return Channel();
                channelSent = true;
            }

            switch (_xml.LocalName)
            {
                case "item":
                    yield return ReadItem();
                    break;
                case "author" when isWp:
                    yield return ReadAuthor();
                    break;
                case "category" when isWp:
                    yield return ReadTerm(WxrTaxonomy.Category);
                    break;
                case "tag" when isWp:
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

    private static long Number(string text) => long.TryParse(text.Trim(), out var value) ? value : 0;

    private static string Clean(string message) => LinePosition().Replace(message, string.Empty).TrimEnd('.', ' ') + ".";

    [GeneratedRegex(@"\s*Line \d+, position \d+\.?")]
    private static partial Regex LinePosition();

    public void Dispose() => _xml.Dispose();
}
