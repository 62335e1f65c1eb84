namespace NewsPortal.TopologyTests.TestSupport;

/// <summary>What came back for one request: everything a test looks at, read before the response is disposed.</summary>
public sealed record Answer(HttpStatusCode Status, string Text, string? Location, string? RetryAfter, string? Upstream)
{
    private IHtmlDocument? _document;

    public IHtmlDocument Document => _document ??= Html.Parse(Text);

    public bool IsServerError => (int)Status >= 500;

    /// <summary>The redirect target's path and query, whether the site sent it relative or absolute (on its public URL).</summary>
    public string? LocationPath => Location is null ? null
        : Uri.TryCreate(Location, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? absolute.PathAndQuery + absolute.Fragment
            : Location;

    public override string ToString() => $"{(int)Status} {Status}" + (Upstream is null ? string.Empty : $" from {Upstream}");
}

/// <summary>
/// One person's browser against one address (nginx or an instance directly): its own cookies (see
/// <see cref="CookieJarHandler"/>), no automatic redirects (tests look at the 303 itself), and, when
/// <see cref="ForwardedFor"/> is set, that client IP in <c>X-Forwarded-For</c> on every request. The test nginx
/// trusts loopback, so through it the site sees this address as the reader's.
/// </summary>
public sealed class Visitor : IDisposable
{
    private readonly CookieJarHandler _cookies;

    public Visitor(Uri baseAddress, string? forwardedFor = null)
    {
        BaseAddress = baseAddress;
        ForwardedFor = forwardedFor;
        _cookies = new CookieJarHandler(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromSeconds(30),
        });
        Http = new HttpClient(_cookies) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    /// <summary>The client IP this visitor claims (X-Forwarded-For), or null to send none.</summary>
    public string? ForwardedFor { get; set; }

    /// <summary>Starts over as a new browser: cookies gone.</summary>
    public void ForgetCookies() => _cookies.Clear();

    public Task<Answer> GetAsync(string path, CancellationToken cancellationToken = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)), cancellationToken);

    /// <summary>GET that must answer 200; the failure message names the page, status and the start of the body.</summary>
    public async Task<IHtmlDocument> PageAsync(string path, CancellationToken cancellationToken = default)
    {
        var answer = await GetAsync(path, cancellationToken);
        Assert.True(answer.Status == HttpStatusCode.OK, $"GET {BaseAddress}{path.TrimStart('/')} answered {answer}: {Html.Excerpt(answer.Text)}");
        return answer.Document;
    }

    public async Task<Answer> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken = default)
    {
        using var content = new FormUrlEncodedContent(fields);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        return await SendAsync(request, cancellationToken);
    }

    /// <summary>Submits a form as a browser would: every control it renders, with <paramref name="values"/> typed over them.</summary>
    public Task<Answer> SubmitAsync(IHtmlFormElement form, IReadOnlyDictionary<string, string>? values = null, CancellationToken cancellationToken = default) =>
        PostAsync(Html.ActionOf(form), Html.FormValues(form, values), cancellationToken);

    public void Dispose() => Http.Dispose();

    private async Task<Answer> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            if (ForwardedFor is { } ip)
            {
                request.Headers.TryAddWithoutValidation("X-Forwarded-For", ip);
            }

            using var response = await Http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return new Answer(
                response.StatusCode,
                text,
                response.Headers.Location?.OriginalString,
                response.Headers.TryGetValues("Retry-After", out var retry) ? string.Join(",", retry) : null,
                response.Headers.TryGetValues(NginxProxy.UpstreamHeader, out var upstream) ? string.Join(",", upstream) : null);
        }
    }
}
