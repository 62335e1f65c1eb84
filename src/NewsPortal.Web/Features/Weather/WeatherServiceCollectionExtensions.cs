namespace NewsPortal.Web.Features.Weather;

public static class WeatherServiceCollectionExtensions
{
    public static IServiceCollection AddWeather(this IServiceCollection services)
    {
        services.AddCheckedOptions<WeatherOptions>(WeatherOptions.SectionName);

        services.AddHttpClient<OpenMeteoClient>((sp, http) =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<WeatherOptions>>().Value;
            http.BaseAddress = new Uri(options.BaseAddress);
            http.Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
            http.DefaultRequestHeaders.UserAgent.ParseAdd("NewsPortal/1.0");
        });
        services.AddSingleton<WeatherCache>();
        services.AddHostedService<WeatherRefreshService>();
        return services;
    }
}
