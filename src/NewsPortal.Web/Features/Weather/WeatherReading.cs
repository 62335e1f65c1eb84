namespace NewsPortal.Web.Features.Weather;

/// <param name="ObservedAt">UTC time the reading was fetched.</param>
public sealed record WeatherReading(string City, double TemperatureCelsius, int WeatherCode, DateTime ObservedAt)
{
    /// <summary>WMO weather interpretation codes, as Open-Meteo documents them.</summary>
    public string Description => WeatherCode switch
    {
        0 => "Clear sky",
        1 => "Mainly clear",
        2 => "Partly cloudy",
        3 => "Overcast",
        45 or 48 => "Fog",
        51 or 53 or 55 => "Drizzle",
        56 or 57 => "Freezing drizzle",
        61 or 63 or 65 => "Rain",
        66 or 67 => "Freezing rain",
        71 or 73 or 75 or 77 => "Snow",
        80 or 81 or 82 => "Rain showers",
        85 or 86 => "Snow showers",
        95 or 96 or 99 => "Thunderstorm",
        _ => "Weather",
    };
}
