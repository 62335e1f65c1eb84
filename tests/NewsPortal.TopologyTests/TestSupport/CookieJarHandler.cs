namespace NewsPortal.TopologyTests.TestSupport;

/// <summary>
/// One browser's cookies. In Production the site marks its auth cookie <c>Secure</c>, and .NET's
/// <see cref="System.Net.CookieContainer"/> (like a browser) never sends a Secure cookie over http://. A real
/// browser would be talking https to a TLS-terminating nginx; these tests talk plain http on loopback, so this jar
/// keeps every cookie by name and sends it back on every request to this client's site, whatever its Secure, Path
/// or SameSite attributes say. The alternative, sending <c>X-Forwarded-Proto: https</c>, would only work once the
/// site trusts forwarded headers, and would test the proxy set-up instead of the feature at hand.
/// </summary>
public sealed class CookieJarHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    /// <summary>A new browser profile: no cookies.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _cookies.Clear();
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Remove("Cookie");
                request.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            lock (_gate)
            {
                foreach (var header in setCookies)
                {
                    Store(header);
                }
            }
        }

        return response;
    }

    private void Store(string header)
    {
        var parts = header.Split(';', StringSplitOptions.TrimEntries);
        var equals = parts[0].IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return;
        }

        var name = parts[0][..equals];
        var value = parts[0][(equals + 1)..];
        var expired = parts.Skip(1).Any(attribute =>
        {
            var (key, argument) = attribute.IndexOf('=', StringComparison.Ordinal) is var i and > 0
                ? (attribute[..i], attribute[(i + 1)..])
                : (attribute, string.Empty);
            return (key.Equals("max-age", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(argument, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds) && seconds <= 0)
                || (key.Equals("expires", StringComparison.OrdinalIgnoreCase)
                    && DateTimeOffset.TryParse(argument, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires)
                    && expires <= DateTimeOffset.UtcNow);
        });

        if (expired)
        {
            _cookies.Remove(name);
        }
        else
        {
            _cookies[name] = value;
        }
    }
}
