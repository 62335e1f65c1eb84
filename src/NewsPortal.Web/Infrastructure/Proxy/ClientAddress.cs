namespace NewsPortal.Web.Infrastructure.Proxy;

/// <summary>
/// The client as rate limits and blocklists see it. Forwarded headers from trusted proxies have already replaced
/// the connection's address with the real client's (see <see cref="ProxyServiceCollectionExtensions"/>).
/// </summary>
public static class ClientAddress
{
    /// <summary>The client's IP address as text, or null when the server has none (an in-process test host).</summary>
    public static string? Of(HttpContext context) => Normalize(context.Connection.RemoteIpAddress)?.ToString();

    /// <summary>
    /// The key one client's requests are counted under. An IPv6 subscriber is usually handed a whole /64 and can
    /// pick any address in it, so IPv6 clients are counted per /64; IPv4 clients per address.
    /// </summary>
    public static string PartitionKey(HttpContext context) => PartitionKey(context.Connection.RemoteIpAddress);

    public static string PartitionKey(IPAddress? address)
    {
        address = Normalize(address);
        if (address is null)
        {
            return "unknown";
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    private static IPAddress? Normalize(IPAddress? address) =>
        address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
}
