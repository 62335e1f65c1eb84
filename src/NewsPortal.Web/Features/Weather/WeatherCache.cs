namespace NewsPortal.Web.Features.Weather;

/// <summary>The latest reading, shared by every request. Pages read it and never wait on the network.</summary>
public sealed class WeatherCache(TimeProvider time, IOptions<WeatherOptions> options)
{
    private readonly TimeSpan _maxAge = TimeSpan.FromMinutes(options.Value.MaxAgeMinutes);
    private WeatherReading? _current;

    /// <summary>The reading, or null when there is none or it is too old to show.</summary>
    public WeatherReading? Current
    {
        get
        {
            var reading = Volatile.Read(ref _current);
            return reading is not null && time.GetUtcNow().UtcDateTime - reading.ObservedAt <= _maxAge ? reading : null;
        }
    }

    public void Set(WeatherReading reading) => Volatile.Write(ref _current, reading);
}
