namespace NewsPortal.Web.Infrastructure.Proxy;

public static class ProxyServiceCollectionExtensions
{
    /// <summary>
    /// Trusts X-Forwarded-For/-Proto/-Host from loopback and from the proxies and networks in the
    /// "ForwardedHeaders" section, and from nothing else. Behind such a proxy the client IP (rate limits,
    /// blocklists, stored IPs), the scheme (HSTS, Secure cookies) and the host are the client's, not the proxy's.
    /// Outside Development <c>Site:PublicUrl</c> is required: without it every absolute URL, including the links in
    /// mail, would follow whatever Host a request names, so start-up stops, as Ghost does without its url.
    /// </summary>
    public static IServiceCollection AddProxySupport(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment() && string.IsNullOrWhiteSpace(configuration["Site:PublicUrl"]))
        {
            throw new StartupConfigurationException(
                $"Site:PublicUrl is required outside Development (environment '{environment.EnvironmentName}'): set it to the address readers use, "
                + "e.g. Site__PublicUrl=https://news.example.com. Pages, feeds, redirects and the links in mail are built from it, never from a request's Host header.");
        }

        var proxy = configuration.GetSection(ProxyOptions.SectionName).Get<ProxyOptions>() ?? new ProxyOptions();
        var allowedHosts = (configuration["AllowedHosts"] ?? "*")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        // Parsed here, not inside Configure, so a bad value stops start-up with its reason rather than the first request.
        var knownProxies = proxy.KnownProxies.Select(address => IPAddress.TryParse(address, out var ip)
            ? ip
            : throw new StartupConfigurationException($"ForwardedHeaders:KnownProxies: '{address}' is not an IP address.")).ToList();
        var knownNetworks = proxy.KnownNetworks.Select(network => System.Net.IPNetwork.TryParse(network, out var parsed)
            ? parsed
            : throw new StartupConfigurationException($"ForwardedHeaders:KnownNetworks: '{network}' is not a network in CIDR notation such as 10.0.0.0/8.")).ToList();

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;

            // Walk the X-Forwarded-For list from the right for as long as each hop is a trusted proxy: a value the
            // client wrote itself is never reached, however many it sends.
            o.ForwardLimit = null;

            // The defaults already trust loopback (127.0.0.0/8 and ::1); only add to them.
            foreach (var ip in knownProxies)
            {
                o.KnownProxies.Add(ip);
            }

            foreach (var network in knownNetworks)
            {
                o.KnownIPNetworks.Add(network);
            }

            // A trusted proxy's X-Forwarded-Host must still be one of the site's own hosts.
            if (!allowedHosts.Contains("*"))
            {
                o.AllowedHosts = allowedHosts;
            }
        });

        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });

        services.AddSingleton<PublicUrls>();
        return services;
    }

    /// <summary>First in the pipeline, so everything after it sees the real client, scheme and host.</summary>
    public static WebApplication UseProxySupport(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }
}
