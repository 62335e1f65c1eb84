using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Infrastructure.Proxy;
using NewsPortal.Web.Infrastructure.Site;

namespace NewsPortal.Web.Infrastructure.Mail;

/// <summary>
/// The site's name and public address as messages show them. The address is <c>Site:PublicUrl</c>; without it, the
/// address of the request that queued the message; for messages queued by a background job with neither, the
/// first address the server listens on (what a newcomer running the site locally opens).
/// </summary>
public sealed class MailSite
{
    private readonly IHttpContextAccessor _http;
    private readonly PublicUrls _urls;
    private readonly IServer _server;
    private readonly string? _configured;

    public MailSite(IHttpContextAccessor http, PublicUrls urls, IServer server, IOptions<SiteOptions> site)
    {
        _http = http;
        _urls = urls;
        _server = server;
        Name = site.Value.Name;
        _configured = string.IsNullOrWhiteSpace(site.Value.PublicUrl) ? null : site.Value.PublicUrl.TrimEnd('/');
    }

    public string Name { get; }

    /// <summary>Scheme, host and path base, without a trailing slash.</summary>
    public string BaseUrl
    {
        get
        {
            if (_configured is not null)
            {
                return _configured;
            }

            if (_http.HttpContext?.Request is { } request)
            {
                return _urls.Base(request);
            }

            var listening = _server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            return string.IsNullOrEmpty(listening)
                ? "http://localhost"
                : listening.Replace("://+", "://localhost", StringComparison.Ordinal)
                    .Replace("://*", "://localhost", StringComparison.Ordinal)
                    .Replace("://[::]", "://localhost", StringComparison.Ordinal)
                    .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                    .TrimEnd('/');
        }
    }

    /// <summary>An absolute URL for a site path; an absolute URL is returned as it is.</summary>
    public string Absolute(string pathOrUrl) => pathOrUrl.StartsWith('/') ? BaseUrl + pathOrUrl : pathOrUrl;
}
