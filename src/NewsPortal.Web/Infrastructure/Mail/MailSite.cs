namespace NewsPortal.Web.Infrastructure.Mail;

/// <summary>
/// The site's name and public address as messages show them. The address is <see cref="PublicUrls"/>'s, which is
/// <c>Site:PublicUrl</c> everywhere but Development; there, unset, it is the address of the request that queued the
/// message, or for a background job's message the address the server listens on.
/// </summary>
public sealed class MailSite(IHttpContextAccessor http, PublicUrls urls, IOptions<SiteOptions> site)
{
    public string Name { get; } = site.Value.Name;

    /// <summary>Scheme, host and path base, without a trailing slash.</summary>
    public string BaseUrl => urls.Base(http.HttpContext?.Request);
}
