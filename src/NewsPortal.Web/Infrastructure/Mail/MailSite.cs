using Microsoft.Extensions.Options;
using NewsPortal.Web.Infrastructure.Proxy;
using NewsPortal.Web.Infrastructure.Site;

namespace NewsPortal.Web.Infrastructure.Mail;

/// <summary>
/// The site's name and public address as messages show them. The address is <see cref="PublicUrls"/>'s, which is
/// <c>Site:PublicUrl</c> everywhere but Development; there, unset, it is the address of the request that queued the
/// message, or for a background job's message the address the server listens on.
/// </summary>
public sealed class MailSite
{
    private readonly IHttpContextAccessor _http;
    private readonly PublicUrls _urls;

    public MailSite(IHttpContextAccessor http, PublicUrls urls, IOptions<SiteOptions> site)
    {
        _http = http;
        _urls = urls;
        Name = site.Value.Name;
    }

    public string Name { get; }

    /// <summary>Scheme, host and path base, without a trailing slash.</summary>
    public string BaseUrl => _urls.Base(_http.HttpContext?.Request);
}
