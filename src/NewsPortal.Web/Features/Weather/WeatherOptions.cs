namespace NewsPortal.Web.Features.Weather;

public sealed class WeatherOptions
{
    public const string SectionName = "Weather";

    public bool Enabled { get; set; } = true;

    [Required]
    [StringLength(60, MinimumLength = 1)]
    public string City { get; set; } = "London";

    [Range(-90, 90)]
    public double Latitude { get; set; } = 51.5072;

    [Range(-180, 180)]
    public double Longitude { get; set; } = -0.1276;

    /// <summary>Keyless Open-Meteo forecast endpoint.</summary>
    [Required]
    [Url]
    public string BaseAddress { get; set; } = "https://api.open-meteo.com/";

    [Range(1, 1440)]
    public int RefreshMinutes { get; set; } = 15;

    /// <summary>A reading older than this is not shown: a stale temperature is worse than none.</summary>
    [Range(1, 1440)]
    public int MaxAgeMinutes { get; set; } = 90;

    [Range(1, 60)]
    public int TimeoutSeconds { get; set; } = 5;
}
