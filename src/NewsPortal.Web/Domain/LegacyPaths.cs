namespace NewsPortal.Web.Domain;

/// <summary>
/// One spelling for an old address, whichever way a reader's browser or a search engine sends it: percent-encoded
/// or not (WordPress writes non-ASCII slugs encoded, in either hex case), with or without the trailing slash, in any
/// letter case. Null for a path that cannot be an old address (too long, or not valid UTF-8 once decoded).
/// </summary>
public static class LegacyPaths
{
    public static string? Normalize(string? path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/')
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            return null;
        }

        if (decoded.Contains('\uFFFD', StringComparison.Ordinal))
        {
            return null;
        }

        var trimmed = decoded.Length > 1 ? decoded.TrimEnd('/') : decoded;
        if (trimmed.Length == 0)
        {
            trimmed = "/";
        }

        var normalized = trimmed.Normalize(NormalizationForm.FormC).ToLowerInvariant();
        return normalized.Length <= LegacyAddress.PathMaxLength ? normalized : null;
    }

    /// <summary>The key of WordPress's plain permalink, <c>/?p={id}</c>, which lives in the query of the root path.</summary>
    public static string PostQuery(long postId) => $"/?p={postId}";
}
