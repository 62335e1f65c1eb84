namespace NewsPortal.Web.Infrastructure.Mvc;

/// <summary>Local redirect targets as they may be written into a <c>Location</c> header.</summary>
public static class LocalRedirects
{
    /// <summary>
    /// <paramref name="localUrl"/> with every byte of its UTF-8 form outside printable ASCII percent-encoded, as a
    /// browser does with an address it is given: <c>/admin/comments?x=¿</c> becomes <c>/admin/comments?x=%C2%BF</c>.
    /// Response headers are ASCII, and Kestrel refuses anything else when it writes them, after the action has done
    /// its work; a space, CR or LF would end or split the header. Escapes already in the URL are kept as they are.
    /// </summary>
    public static string Encode(string localUrl)
    {
        ArgumentNullException.ThrowIfNull(localUrl);
        if (localUrl.All(c => c is > ' ' and < '\u007F'))
        {
            return localUrl;
        }

        var encoded = new StringBuilder(localUrl.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(localUrl))
        {
            if (b is > (byte)' ' and < 0x7F)
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
