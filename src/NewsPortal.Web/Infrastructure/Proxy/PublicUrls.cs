using Microsoft.Extensions.Options;
using NewsPortal.Web.Infrastructure.Site;

namespace NewsPortal.Web.Infrastructure.Proxy;

/// <summary>
/// The one place absolute URLs come from: canonical links, Open Graph, JSON-LD, feeds, sitemaps and redirects.
/// With <c>Site:PublicUrl</c> set they are built from it and the request's Host header is never reflected; without
/// it, from the request (scheme from a trusted proxy, host filtered by <c>AllowedHosts</c>).
/// </summary>
public sealed class PublicUrls
{
    private readonly string? _configured;

    public PublicUrls(IOptions<SiteOptions> site) =>
        _configured = string.IsNullOrWhiteSpace(site.Value.PublicUrl) ? null : site.Value.PublicUrl.TrimEnd('/');

    /// <summary>True when absolute URLs come from configuration rather than from the request.</summary>
    public bool IsConfigured => _configured is not null;

    /// <summary>Scheme, host and path base, without a trailing slash: <c>https://news.example.com</c>.</summary>
    public string Base(HttpRequest request) =>
        _configured ?? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";

    /// <summary>
    /// A Location for a redirect to <paramref name="pathAndQuery"/> (as the request saw it, path base included):
    /// absolute on the public address when one is set, otherwise relative, so no Host header is ever echoed.
    /// </summary>
    public string Redirect(HttpRequest request, string pathAndQuery)
    {
        if (_configured is null)
        {
            return pathAndQuery;
        }

        var pathBase = request.PathBase.ToUriComponent();
        return _configured + (pathBase.Length > 0 && pathAndQuery.StartsWith(pathBase, StringComparison.OrdinalIgnoreCase)
            ? pathAndQuery[pathBase.Length..]
            : pathAndQuery);
    }

    /// <summary>An absolute URL for a site path such as <c>/news/a-story</c>; an absolute URL is returned as it is.</summary>
    public string Absolute(HttpRequest request, string pathOrUrl) =>
        pathOrUrl.StartsWith('/') ? Base(request) + pathOrUrl : pathOrUrl;
}
