using System.Globalization;
using System.Net;
using System.Text;

namespace NewsPortal.IntegrationTests.Infrastructure;

/// <summary>Stands in for Open-Meteo: answers, fails, or never answers.</summary>
public sealed class FakeWeatherHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _respond;

    private FakeWeatherHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) =>
        _respond = respond;

    public int Calls { get; private set; }

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

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Calls++;
        return _respond(request, cancellationToken);
    }
}
