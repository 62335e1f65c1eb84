namespace NewsPortal.Web.Features.WordPressImport;

/// <summary>
/// YouTube and Vimeo addresses as the editor's embed figure, wherever a post has one: a block-editor embed block, an
/// address on its own line or paragraph, an <c>[embed]</c>/<c>[youtube]</c>/<c>[vimeo]</c> shortcode.
/// </summary>
internal static partial class WordPressEmbeds
{
    /// <summary>The editor's embed figure for a YouTube or Vimeo address (the shape schema.js writes), else null.</summary>
    public static string? Figure(string url)
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

    /// <summary>The figure on lines of its own, counted; null when the address is not a video.</summary>
    public static string? For(string? url, ContentTally tally)
    {
        if (url is null)
        {
            return null;
        }

        var figure = Figure(url);
        if (figure is not null)
        {
            tally.Embeds++;
            return $"\n\n{figure}\n\n";
        }

        return null;
    }

    /// <summary>The address an embed block points at: its JSON's <c>url</c>, else the first address in its HTML.</summary>
    public static string? UrlOfBlock(Match block)
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

        return UrlInText().Match(WordPressContent.Tags().Replace(block.Groups["inner"].Value, " ")) is { Success: true } m ? m.Value : null;
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex UrlInText();

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$")]
    private static partial Regex YouTubeId();

    [GeneratedRegex("^[0-9]{6,12}$")]
    private static partial Regex VimeoId();
}
