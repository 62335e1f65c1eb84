namespace NewsPortal.Web.Features.WordPressImport;

/// <summary>
/// Where an old address now lives: one indexed lookup of its normalized path in <see cref="LegacyAddress"/>, then
/// the target's current slug (so a section or byline renamed after the import is followed). An old author address
/// goes to the byline's page, <c>/author/{slug}</c>.
/// </summary>
public sealed class LegacyAddressResolver
{
    public async Task<string?> ResolveAsync(NewsDbContext db, string normalizedPath, CancellationToken cancellationToken)
    {
        var address = await db.LegacyAddresses.AsNoTracking()
            .Where(a => a.Path == normalizedPath)
            .Select(a => new { a.Kind, a.TargetId })
            .FirstOrDefaultAsync(cancellationToken);
        if (address is null)
        {
            return null;
        }

        var id = address.TargetId;
        var slug = address.Kind switch
        {
            LegacyTarget.Article => await db.Articles.Where(a => a.Id == id).Select(a => a.Slug).FirstOrDefaultAsync(cancellationToken),
            LegacyTarget.Category => await db.Categories.Where(c => c.Id == id).Select(c => c.Slug).FirstOrDefaultAsync(cancellationToken),
            LegacyTarget.Tag => await db.Tags.Where(t => t.Id == id).Select(t => t.Slug).FirstOrDefaultAsync(cancellationToken),
            _ => await db.Authors.Where(a => a.Id == id).Select(a => a.Slug).FirstOrDefaultAsync(cancellationToken),
        };
        if (slug is null)
        {
            return null;
        }

        var segment = Uri.EscapeDataString(slug);
        return address.Kind switch
        {
            LegacyTarget.Article => $"/news/{segment}",
            LegacyTarget.Category => $"/category/{segment}",
            LegacyTarget.Tag => $"/tag/{segment}",
            _ => $"/author/{segment}",
        };
    }
}

/// <summary>
/// Answers old WordPress addresses with 301: <c>/?p=N</c>, <c>/feed/</c>, and any path no route matched or that ends in
/// a slash (WordPress's permalinks do; the site's own routes do not) when the table knows it. Article pages and every
/// other matched route never reach the database here.
/// </summary>
public sealed class LegacyAddressMiddleware(RequestDelegate next, LegacyAddressResolver resolver)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            await next(context);
            return;
        }

        var path = request.Path.Value ?? "/";
        string? key = null;
        if (path == "/")
        {
            if (long.TryParse(request.Query["p"], NumberStyles.None, CultureInfo.InvariantCulture, out var postId)
                || long.TryParse(request.Query["page_id"], NumberStyles.None, CultureInfo.InvariantCulture, out postId))
            {
                key = LegacyPaths.PostQuery(postId);
            }
        }
        else if (path.Equals("/feed", StringComparison.OrdinalIgnoreCase) || path.Equals("/feed/", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect("/feed.xml", permanent: true);
            return;
        }
        else if (path.EndsWith('/') || context.GetEndpoint() is null)
        {
            // The request path arrives decoded except for %2F; encode it back so Normalize sees one spelling.
            key = LegacyPaths.Normalize(request.PathBase.Add(request.Path).ToUriComponent());
        }

        if (key is not null)
        {
            var db = context.RequestServices.GetRequiredService<NewsDbContext>();
            if (await resolver.ResolveAsync(db, key, context.RequestAborted) is { } target)
            {
                context.Response.Redirect(target, permanent: true);
                return;
            }
        }

        await next(context);
    }
}
