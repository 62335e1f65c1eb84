namespace NewsPortal.Web.Infrastructure.Proxy;

/// <summary>
/// The one place absolute URLs come from: canonical links, Open Graph, JSON-LD, feeds, sitemaps, redirects and the
/// links in mail. Outside Development <c>Site:PublicUrl</c> is required (start-up stops without it, see
/// <see cref="ProxyServiceCollectionExtensions.AddProxySupport"/>), so every URL is built from it and a request's
/// Host header is never reflected. Only in Development, where it may be unset, do URLs follow the request (scheme
/// from a trusted proxy, host filtered by <c>AllowedHosts</c>).
/// </summary>
public sealed class PublicUrls(IOptions<SiteOptions> site, IServer server)
{
    private readonly string? _configured = string.IsNullOrWhiteSpace(site.Value.PublicUrl) ? null : site.Value.PublicUrl.TrimEnd('/');

    /// <summary>True when absolute URLs come from configuration rather than from the request.</summary>
    public bool IsConfigured => _configured is not null;

    /// <summary>
    /// Scheme, host and path base, without a trailing slash: <c>https://news.example.com</c>. Unconfigured (only in
    /// Development): the request's, or, for work done outside a request, the first address the server listens on.
    /// </summary>
    public string Base(HttpRequest? request) =>
        _configured
        ?? (request is not null
            ? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}"
            : ListeningAddress());

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
    public string Absolute(HttpRequest? request, string pathOrUrl) => Absolute(Base(request), pathOrUrl);

    /// <summary>
    /// The same on a base already read (<see cref="Base"/>, or <c>Site:PublicUrl</c> for work done outside a request,
    /// such as mail): every absolute URL the site writes is made here.
    /// </summary>
    public static string Absolute(string baseUrl, string pathOrUrl) =>
        pathOrUrl.StartsWith('/') ? baseUrl + pathOrUrl : pathOrUrl;

    // What a newcomer running the site locally opens.
    private string ListeningAddress()
    {
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return string.IsNullOrEmpty(listening)
            ? "http://localhost"
            : listening.Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://[::]", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                .TrimEnd('/');
    }
}
