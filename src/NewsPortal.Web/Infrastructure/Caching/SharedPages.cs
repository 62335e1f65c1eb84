using Microsoft.Net.Http.Headers;

namespace NewsPortal.Web.Infrastructure.Caching;

/// <summary>
/// Marks a GET action whose whole page is the same for every anonymous reader (no form token, nothing of the reader's
/// own): the front page and the section and tag lists. <see cref="SharedPagesExtensions.UseSharedPages"/> keeps one copy
/// per address and data version and serves it before MVC runs.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedPageAttribute : Attribute;

/// <summary>One rendered page, as bytes and gzip-compressed once (it has no holes: nothing in it is per reader).</summary>
public sealed class SharedPage
{
    private static readonly IReadOnlyList<byte[]> NoHoles = [];

    private readonly byte[] _bytes;
    private readonly GzipWithHoles _gzip;

    public SharedPage(byte[] bytes, string contentType)
    {
        _bytes = bytes;
        ContentType = contentType;
        _gzip = new GzipWithHoles([bytes]);
        SizeInBytes = bytes.Length + _gzip.CompressedBytes;
    }

    public string ContentType { get; }

    public long SizeInBytes { get; }

    public async Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (GzipWithHoles.Accepted(context.Request))
        {
            response.Headers.ContentEncoding = "gzip";
            response.ContentLength = _gzip.Length([]);
            await _gzip.WriteAsync(response.Body, NoHoles, context.RequestAborted);
            return;
        }

        response.ContentLength = _bytes.Length;
        await response.Body.WriteAsync(_bytes, context.RequestAborted);
    }
}

public static class SharedPagesExtensions
{
    /// <summary>
    /// Serves the pages of <see cref="SharedPageAttribute"/> actions from the reader cache, after routing,
    /// authentication and the rate limiter. Only for an anonymous reader with no notice waiting (TempData), and only
    /// for an address whose query is at most <c>page=N</c> (any other query goes on to MVC, so nobody can fill the
    /// cache with made-up addresses of one page). A missing copy is rendered by MVC as usual and kept when it is a 200
    /// HTML page that set no cookie; anything else is passed on as it was rendered.
    /// </summary>
    public static IApplicationBuilder UseSharedPages(this IApplicationBuilder app)
    {
        var tempDataCookie = app.ApplicationServices.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie.Name!;
        return app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method)
                || context.GetEndpoint()?.Metadata.GetMetadata<SharedPageAttribute>() is null
                || context.User.Identity?.IsAuthenticated == true
                || context.Request.Cookies.ContainsKey(tempDataCookie)
                || !IsPlainOrPaged(context.Request.Query))
            {
                await next(context);
                return;
            }

            var snapshot = context.RequestServices.GetRequiredService<ReaderSnapshot>();
            var urls = context.RequestServices.GetRequiredService<PublicUrls>();
            var (key, copy) = await snapshot.GetRenderedAsync<SharedPage>(
                $"whole:{context.Request.Path.Value}{context.Request.QueryString.Value}:{urls.Base(context.Request)}",
                ReaderChange.Comments,
                context.RequestAborted);
            if (copy is not null)
            {
                await copy.WriteAsync(context);
                return;
            }

            var body = context.Response.Body;
            using var rendered = new MemoryStream();
            context.Response.Body = rendered;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = body;
            }

            if (context.Response.StatusCode == StatusCodes.Status200OK
                && context.Response.ContentType is { } type && type.StartsWith("text/html", StringComparison.Ordinal)
                && context.Response.Headers.SetCookie.Count == 0
                && context.Response.Headers.ContentEncoding.Count == 0)
            {
                copy = new SharedPage(rendered.ToArray(), type);
                snapshot.SetRendered(key, copy, copy.SizeInBytes);
                await copy.WriteAsync(context);
                return;
            }

            context.Response.ContentLength = rendered.Length;
            rendered.Position = 0;
            await rendered.CopyToAsync(body, context.RequestAborted);
        });
    }

    // The one query a shared page varies by, written the one way the site's own links write it (page=2, never
    // page=02): anything else is not served from, or stored in, the cache.
    private static bool IsPlainOrPaged(IQueryCollection query) =>
        query.Count == 0
        || (query.Count == 1
            && query.TryGetValue("page", out var value)
            && value.Count == 1
            && int.TryParse(value[0], NumberStyles.None, CultureInfo.InvariantCulture, out var page)
            && page >= 1
            && value[0] == page.ToString(CultureInfo.InvariantCulture));
}
