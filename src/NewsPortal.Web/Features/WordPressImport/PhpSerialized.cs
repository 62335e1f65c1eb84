namespace NewsPortal.Web.Features.WordPressImport;

/// <summary>
/// Reads PHP's <c>serialize()</c> format, which WordPress uses for array postmeta (attachment sizes, theme settings)
/// and sometimes for a single value (<c>s:2:"12";</c>). Tolerant where exports are known to be wrong: a string's
/// declared byte length often no longer matches its text once the XML round trip turned "\r\n" into "\n" or the
/// charset changed, so when the declared end is not followed by <c>";</c> the string runs to the next <c>";</c>
/// instead. Arrays become ordered key/value lists; objects are read as arrays of their properties. Returns null for
/// anything it cannot make sense of; it never throws on input.
/// </summary>
public static class PhpSerialized
{
    /// <summary>True when the text looks serialized (so a plain "12" is not mistaken for one).</summary>
    public static bool LooksSerialized(string? text) =>
        text is { Length: >= 2 } && text[1] == ':' && text[0] is 'a' or 's' or 'i' or 'd' or 'b' or 'O' or 'N'
        || text is "N;";

    public static object? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var position = 0;
        try
        {
            return ReadValue(text, ref position, depth: 0);
        }
        catch (FormatException)
        {
            return null;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
        catch (IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>A scalar meta value, serialized or not, as text ("12" from "12", <c>s:2:"12";</c> or <c>i:12;</c>).</summary>
    public static string? Scalar(string? text)
    {
        if (!LooksSerialized(text))
        {
            return text?.Trim();
        }

        return Parse(text) switch
        {
            string s => s,
            long l => l.ToString(CultureInfo.InvariantCulture),
            double d => d.ToString(CultureInfo.InvariantCulture),
            bool b => b ? "1" : "0",
            _ => null,
        };
    }

    /// <summary>The value under <paramref name="key"/> in a parsed array, or null.</summary>
    public static object? Get(object? array, string key) =>
        array is List<KeyValuePair<object, object?>> pairs
            ? pairs.FirstOrDefault(p => string.Equals(Convert.ToString(p.Key, CultureInfo.InvariantCulture), key, StringComparison.Ordinal)).Value
            : null;

    private static object? ReadValue(string text, ref int position, int depth)
    {
        if (depth > 32)
        {
            throw new FormatException("Nested too deeply.");
        }

        var type = text[position];
        switch (type)
        {
            case 'N':
                Expect(text, ref position, "N;");
                return null;
            case 'b':
                position += 2;
                var flag = ReadUntil(text, ref position, ';');
                return flag == "1";
            case 'i':
                position += 2;
                return long.Parse(ReadUntil(text, ref position, ';'), NumberStyles.Integer, CultureInfo.InvariantCulture);
            case 'd':
                position += 2;
                return double.Parse(ReadUntil(text, ref position, ';'), NumberStyles.Float, CultureInfo.InvariantCulture);
            case 's':
                position += 2;
                var length = int.Parse(ReadUntil(text, ref position, ':'), NumberStyles.None, CultureInfo.InvariantCulture);
                return ReadString(text, ref position, length);
            case 'a':
                position += 2;
                var count = int.Parse(ReadUntil(text, ref position, ':'), NumberStyles.None, CultureInfo.InvariantCulture);
                return ReadPairs(text, ref position, count, depth);
            case 'O':
                position += 2;
                var nameLength = int.Parse(ReadUntil(text, ref position, ':'), NumberStyles.None, CultureInfo.InvariantCulture);
                _ = ReadQuoted(text, ref position, nameLength);
                position++; // ':'
                var properties = int.Parse(ReadUntil(text, ref position, ':'), NumberStyles.None, CultureInfo.InvariantCulture);
                return ReadPairs(text, ref position, properties, depth);
            default:
                throw new FormatException($"Unknown type '{type}'.");
        }
    }

    private static List<KeyValuePair<object, object?>> ReadPairs(string text, ref int position, int count, int depth)
    {
        Expect(text, ref position, "{");
        var pairs = new List<KeyValuePair<object, object?>>(Math.Min(count, 1024));
        for (var i = 0; i < count; i++)
        {
            var key = ReadValue(text, ref position, depth + 1) ?? string.Empty;
            var value = ReadValue(text, ref position, depth + 1);
            pairs.Add(new KeyValuePair<object, object?>(key, value));
        }

        Expect(text, ref position, "}");
        return pairs;
    }

    private static string ReadString(string text, ref int position, int byteLength)
    {
        var value = ReadQuoted(text, ref position, byteLength);
        Expect(text, ref position, ";");
        return value;
    }

    private static string ReadQuoted(string text, ref int position, int byteLength)
    {
        Expect(text, ref position, "\"");
        var start = position;
        var end = start;
        var bytes = 0;
        while (end < text.Length && bytes < byteLength)
        {
            bytes += char.IsSurrogatePair(text, end) ? 4 : Encoding.UTF8.GetByteCount(text.AsSpan(end, 1));
            end += char.IsSurrogatePair(text, end) ? 2 : 1;
        }

        if (bytes == byteLength && end + 1 < text.Length && text[end] == '"' && text[end + 1] is ';' or ':')
        {
            position = end + 1;
            return text[start..end];
        }

        // The declared length is wrong: the string ends at the first quote followed by a terminator.
        var close = text.IndexOf("\";", start, StringComparison.Ordinal);
        var closeObject = text.IndexOf("\":", start, StringComparison.Ordinal);
        if (close < 0 && closeObject < 0)
        {
            throw new FormatException("Unterminated string.");
        }

        end = close < 0 ? closeObject : closeObject < 0 ? close : Math.Min(close, closeObject);
        position = end + 1;
        return text[start..end];
    }

    private static string ReadUntil(string text, ref int position, char terminator)
    {
        var end = text.IndexOf(terminator, position);
        if (end < 0)
        {
            throw new FormatException($"Missing '{terminator}'.");
        }

        var value = text[position..end];
        position = end + 1;
        return value;
    }

    private static void Expect(string text, ref int position, string expected)
    {
        if (string.CompareOrdinal(text, position, expected, 0, expected.Length) != 0)
        {
            throw new FormatException($"Expected '{expected}' at {position}.");
        }

        position += expected.Length;
    }
}
