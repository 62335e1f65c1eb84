namespace NewsPortal.UnitTests.Docs;

/// <summary>
/// The shipped nginx template lets through every body the site itself accepts by default, so a reader or an editor
/// within the site's limits is answered by the site (and over them by the site's own 413 page), never by nginx's.
/// </summary>
public sealed class NginxTemplateTests
{
    /// <summary>Each <c>client_max_body_size</c> of the https server, by the block it stands in ("server" or the location line), in bytes.</summary>
    private static Dictionary<string, long> BodyLimits()
    {
        var text = string.Join('\n', File.ReadAllLines(Repository.PathOf("deploy", "nginx", "default.conf.template"))
            .Select(line => line.Split('#')[0]));
        var https = text.IndexOf("listen 443", StringComparison.Ordinal);
        var limits = new Dictionary<string, long>();
        var blocks = new Stack<string>();
        var statement = new StringBuilder();
        for (var i = text.LastIndexOf("server {", https, StringComparison.Ordinal) + "server {".Length; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '{':
                    blocks.Push(statement.ToString().Trim());
                    statement.Clear();
                    break;
                case '}' when blocks.Count == 0:
                    return limits;
                case '}':
                    blocks.Pop();
                    statement.Clear();
                    break;
                case ';':
                    var words = statement.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                    if (words is ["client_max_body_size", var size])
                    {
                        limits[blocks.Count == 0 ? "server" : blocks.Peek()] = Bytes(size);
                    }

                    statement.Clear();
                    break;
                default:
                    statement.Append(text[i]);
                    break;
            }
        }

        return limits;
    }

    /// <summary>The body limit set in that block of the https server; fails naming the block when it sets none.</summary>
    private static long LimitIn(string block) =>
        BodyLimits().TryGetValue(block, out var limit) ? limit : throw new Xunit.Sdk.XunitException($"The https server of the nginx template sets no client_max_body_size in '{block}'.");

    private static long Bytes(string size) => char.ToLowerInvariant(size[^1]) switch
    {
        'k' => long.Parse(size[..^1], CultureInfo.InvariantCulture) * 1024,
        'm' => long.Parse(size[..^1], CultureInfo.InvariantCulture) * 1024 * 1024,
        'g' => long.Parse(size[..^1], CultureInfo.InvariantCulture) * 1024 * 1024 * 1024,
        _ => long.Parse(size, CultureInfo.InvariantCulture),
    };

    [Fact]
    public void ReadersPages_LetThroughTheLargestCommentPostTheSiteAccepts()
    {
        var limit = LimitIn("server");

        Assert.True(limit >= new CommentOptions().MaxRequestBytes, $"nginx stops reader posts at {limit} bytes, below Comments:MaxRequestBytes");
    }

    [Fact]
    public void MediaUpload_LetsThroughTheLargestUploadTheSiteAccepts()
    {
        var limit = LimitIn("location = /admin/media");
        var site = new MediaOptions().MaxUploadBytes + MediaUploadLimit.FormOverheadBytes;

        Assert.True(limit >= site, $"nginx stops media uploads at {limit} bytes; the site accepts {site} (Media:MaxUploadBytes and the form around it)");
    }

    [Fact]
    public void ImportUpload_LetsThroughAnExportAndAZipOfTheLargestSizeTheSiteAccepts()
    {
        var limit = LimitIn("location = /admin/import");
        var site = 2 * new ImportOptions().MaxUploadBytes;

        Assert.True(limit >= site, $"nginx stops the import's upload at {limit} bytes; the site accepts an export and a zip of {new ImportOptions().MaxUploadMegabytes} MB each");
    }
}
