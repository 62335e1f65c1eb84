namespace NewsPortal.Web.Features.WordPressImport;

/// <summary>
/// The encoding an export declares: WordPress writes the blog's charset, not always UTF-8, and the XML reader is
/// given a decoded stream (so that <see cref="XmlCharacterFilter"/> can drop what XML forbids).
/// </summary>
internal static partial class WxrEncoding
{
    static WxrEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding named in the XML declaration, read from the first bytes; UTF-8 when none (the XML default).</summary>
    public static Encoding Declared(Stream stream)
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
}
