namespace NewsPortal.Web.Features.Comments;

/// <summary>A locally drawn avatar (initials on a colour), so a comment never triggers a third-party image request.</summary>
public static class Avatar
{
    public static string Initials(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var initials = new StringBuilder(2);
        foreach (var word in words.Length > 1 ? new[] { words[0], words[^1] } : words)
        {
            var first = StringInfo.GetNextTextElementLength(word) is var len and > 0 ? word[..len] : string.Empty;
            initials.Append(first.ToUpper(CultureInfo.InvariantCulture));
        }

        return initials.Length == 0 ? "?" : initials.ToString();
    }

    /// <summary>How many avatar colours the stylesheet defines (.avatar-0 to .avatar-11).</summary>
    public const int Colours = 12;

    /// <summary>
    /// A stable colour from the name, the same on every page and every machine. A class rather than an inline
    /// style, because the content security policy allows no inline styles.
    /// </summary>
    public static int Colour(string name)
    {
        // FNV-1a: string.GetHashCode is randomised per process.
        var hash = 2166136261u;
        foreach (var ch in name.ToUpperInvariant())
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return (int)(hash % Colours);
    }
}
