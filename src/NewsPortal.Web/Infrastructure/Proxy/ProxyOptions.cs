namespace NewsPortal.Web.Infrastructure.Proxy;

/// <summary>
/// The "ForwardedHeaders" section: which reverse proxies or load balancers may tell the site who the client is
/// (X-Forwarded-For), which scheme it used (X-Forwarded-Proto) and which host it asked for (X-Forwarded-Host).
/// Loopback is always trusted; anything else must be listed. Headers from any other address are ignored.
/// </summary>
public sealed class ProxyOptions
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>IP addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>172.16.0.0/12</c> for a Docker network.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}
