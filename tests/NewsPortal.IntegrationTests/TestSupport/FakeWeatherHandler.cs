namespace NewsPortal.IntegrationTests.TestSupport;

/// <summary>Stands in for Open-Meteo: answers, fails, or never answers.</summary>
public sealed class FakeWeatherHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _respond;

    private FakeWeatherHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) =>
        _respond = respond;

    private int _inFlight;

    public int Calls { get; private set; }

    /// <summary>Calls that have started and neither answered nor failed yet.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public static FakeWeatherHandler Returning(double temperature, int weatherCode) =>
        new((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(
                string.Create(CultureInfo.InvariantCulture, $$$"""{"latitude":51.5,"longitude":-0.12,"current":{"time":"2026-11-29T12:00","interval":900,"temperature_2m":{{{temperature}}},"weather_code":{{{weatherCode}}}}}"""),
                Encoding.UTF8,
                "application/json"),
        }));

    public static FakeWeatherHandler Failing() =>
        new((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)));

    /// <summary>Throws what no HTTP client is expected to throw, as a buggy handler or library might.</summary>
    public static FakeWeatherHandler Throwing() =>
        new((_, _) => throw new InvalidOperationException("The weather library broke."));

    /// <summary>Never answers until the request is cancelled (the client's timeout).</summary>
    public static FakeWeatherHandler Hanging() =>
        new(async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Calls++;
        Interlocked.Increment(ref _inFlight);
        try
        {
            return await _respond(request, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
