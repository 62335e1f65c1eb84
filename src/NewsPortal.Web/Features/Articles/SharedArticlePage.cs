using Microsoft.Net.Http.Headers;
using NewsPortal.Web.Features.Comments;

namespace NewsPortal.Web.Features.Articles;

/// <summary>
/// An article page rendered once for every anonymous reader, kept as UTF-8 pieces around its holes (the antiforgery
/// token and the form stamp), so serving it is a few buffer writes: no view, no re-encoding, no string copies. The
/// pieces are also kept gzip-compressed, each on its own, for readers whose browsers accept it; the holes go out as
/// stored blocks (see <see cref="GzipWithHoles"/>).
/// </summary>
public sealed class SharedArticlePage
{
    private readonly List<(byte[] Bytes, Hole Next)> _pieces;
    private readonly GzipWithHoles _gzip;
    private readonly long _plainBytes;

    private SharedArticlePage(List<(byte[] Bytes, Hole Next)> pieces)
    {
        _pieces = pieces;
        _gzip = new GzipWithHoles([.. pieces.Select(p => p.Bytes)]);
        _plainBytes = pieces.Sum(p => (long)p.Bytes.Length);
        SizeInBytes = _plainBytes + _gzip.CompressedBytes;
        HasForm = pieces.Any(p => p.Next != Hole.None);
    }

    private enum Hole
    {
        None,
        Token,
        Stamp,
    }

    /// <summary>The page has a comment form, so each reader needs a token and a stamp.</summary>
    public bool HasForm { get; }

    /// <summary>What the copy holds in memory: the pieces and their compressed form.</summary>
    public long SizeInBytes { get; }

    public static SharedArticlePage From(string html)
    {
        var pieces = new List<(byte[], Hole)>();
        var from = 0;
        while (true)
        {
            var token = html.IndexOf(CommentSectionViewModel.TokenPlaceholder, from, StringComparison.Ordinal);
            var stamp = html.IndexOf(CommentSectionViewModel.StampPlaceholder, from, StringComparison.Ordinal);
            if (token < 0 && stamp < 0)
            {
                pieces.Add((Encoding.UTF8.GetBytes(html[from..]), Hole.None));
                return new SharedArticlePage(pieces);
            }

            var (at, hole, length) = token >= 0 && (stamp < 0 || token < stamp)
                ? (token, Hole.Token, CommentSectionViewModel.TokenPlaceholder.Length)
                : (stamp, Hole.Stamp, CommentSectionViewModel.StampPlaceholder.Length);
            pieces.Add((Encoding.UTF8.GetBytes(html[from..at]), hole));
            from = at + length;
        }
    }

    /// <summary>The page for one reader. Token and stamp are ASCII (base64url and digits) and need no HTML encoding.</summary>
    public IActionResult For(string? token, string? stamp) => new Result(this, Encoding.ASCII.GetBytes(token ?? string.Empty), Encoding.ASCII.GetBytes(stamp ?? string.Empty));

    private sealed class Result(SharedArticlePage page, byte[] token, byte[] stamp) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.Vary = HeaderNames.AcceptEncoding;
            if (GzipWithHoles.Accepted(context.HttpContext.Request))
            {
                var holes = page._pieces.Select(p => Fill(p.Next)).ToArray();
                response.Headers.ContentEncoding = "gzip";
                response.ContentLength = page._gzip.Length([.. holes.Select(h => h.Length)]);
                await page._gzip.WriteAsync(response.Body, holes, context.HttpContext.RequestAborted);
                return;
            }

            response.ContentLength = page._plainBytes + page._pieces.Sum(p => (long)Fill(p.Next).Length);
            foreach (var (bytes, next) in page._pieces)
            {
                await response.Body.WriteAsync(bytes, context.HttpContext.RequestAborted);
                if (next != Hole.None)
                {
                    await response.Body.WriteAsync(Fill(next), context.HttpContext.RequestAborted);
                }
            }
        }

        private byte[] Fill(Hole hole) => hole switch
        {
            Hole.Token => token,
            Hole.Stamp => stamp,
            _ => [],
        };
    }
}
