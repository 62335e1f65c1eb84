namespace NewsPortal.Web.Features.Weather;

/// <summary>Fetches the weather at start and then periodically, so no page request ever calls the API.</summary>
public sealed partial class WeatherRefreshService(
    IServiceScopeFactory scopes,
    WeatherCache cache,
    IOptions<WeatherOptions> options,
    TimeProvider time,
    ILogger<WeatherRefreshService> logger) : BackgroundService
{
    private readonly WeatherOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        // Let start-up finish first; the page simply omits the weather until the first reading arrives.
        await Task.Yield();
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(_options.RefreshMinutes), time);
        try
        {
            do
            {
                await RefreshAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    internal async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var client = scope.ServiceProvider.GetRequiredService<OpenMeteoClient>();
            if (await client.GetCurrentAsync(cancellationToken) is { } reading)
            {
                cache.Set(reading);
            }
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // Whatever the third-party call throws (not only HTTP, timeout and JSON errors), the site carries on
            // without the weather: an exception escaping a BackgroundService stops the whole host.
            LogRefreshFailed(logger, _options.City, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Weather for {City} could not be refreshed: {Reason}")]
    private static partial void LogRefreshFailed(ILogger logger, string city, string reason);
}
