using Microsoft.Extensions.Options;

namespace NewsPortal.Web.Features.Weather;

/// <summary>The latest reading, shared by every request. Pages read it and never wait on the network.</summary>
public sealed class WeatherCache
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxAge;
    private WeatherReading? _current;

    public WeatherCache(TimeProvider time, IOptions<WeatherOptions> options)
    {
        _time = time;
        _maxAge = TimeSpan.FromMinutes(options.Value.MaxAgeMinutes);
    }

    /// <summary>The reading, or null when there is none or it is too old to show.</summary>
    public WeatherReading? Current
    {
        get
        {
            var reading = Volatile.Read(ref _current);
            return reading is not null && _time.GetUtcNow().UtcDateTime - reading.ObservedAt <= _maxAge ? reading : null;
        }
    }

    public void Set(WeatherReading reading) => Volatile.Write(ref _current, reading);
}
