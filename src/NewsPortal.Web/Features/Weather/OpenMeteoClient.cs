namespace NewsPortal.Web.Features.Weather;

/// <summary>Typed client for Open-Meteo's current-weather call (no API key).</summary>
public sealed class OpenMeteoClient(HttpClient http, IOptions<WeatherOptions> options, TimeProvider time)
{
    private readonly WeatherOptions _options = options.Value;

    public async Task<WeatherReading?> GetCurrentAsync(CancellationToken cancellationToken)
    {
        var url = string.Create(
            CultureInfo.InvariantCulture,
            $"v1/forecast?latitude={_options.Latitude}&longitude={_options.Longitude}&current=temperature_2m,weather_code&timezone=UTC");

        var response = await http.GetFromJsonAsync<ForecastResponse>(url, cancellationToken);
        if (response?.Current is not { Temperature: { } temperature } current)
        {
            return null;
        }

        return new WeatherReading(_options.City, temperature, current.WeatherCode ?? -1, time.GetUtcNow().UtcDateTime);
    }

    private sealed record ForecastResponse([property: JsonPropertyName("current")] CurrentBlock? Current);

    private sealed record CurrentBlock(
        [property: JsonPropertyName("temperature_2m")] double? Temperature,
        [property: JsonPropertyName("weather_code")] int? WeatherCode);
}
