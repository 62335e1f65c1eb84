using Serilog.Core;

namespace NewsPortal.IntegrationTests.Features.Weather;

public sealed class WeatherTests
{
    [Fact]
    public async Task Header_WhenTheForecastAnswers_ShowsTemperatureAndCity()
    {
        using var factory = new NewsPortalFactory { WeatherHandler = FakeWeatherHandler.Returning(5.2, 3) };
        var client = factory.CreateClient();

        // The first reading is fetched in the background just after start; poll briefly for it.
        AngleSharp.Dom.IElement? weather = null;
        for (var attempt = 0; attempt < 50 && weather is null; attempt++)
        {
            var (_, document) = await Html.GetAsync(client, "/");
            weather = document.QuerySelector(".header-strip .weather");
            if (weather is null)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        Assert.NotNull(weather);
        Assert.Contains("5.2", weather!.TextContent, StringComparison.Ordinal);
        Assert.Contains("London", weather.TextContent, StringComparison.Ordinal);
        Assert.Contains("Overcast", weather.TextContent, StringComparison.Ordinal);
    }

    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(20);

    /// <summary>The article page was served whole (its date in the header strip, its headline) with no weather in it.</summary>
    private static void AssertServedWithoutWeather(HttpResponseMessage response, IDocument document)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(document.QuerySelector(".weather"));
        Assert.NotNull(document.QuerySelector(".header-strip .today time"));
        Assert.NotNull(document.QuerySelector("h1"));
    }

    [Fact]
    public async Task Pages_WhenTheForecastFails_RenderWithoutWeather()
    {
        using var factory = new NewsPortalFactory { WeatherHandler = FakeWeatherHandler.Failing() };
        var client = factory.CreateClient();
        var slug = await factory.WithDbAsync(db => Task.FromResult(db.Articles.Select(a => a.Slug).First()));

        var (response, document) = await Html.GetAsync(client, $"/news/{slug}");

        AssertServedWithoutWeather(response, document);
    }

    [Fact]
    public async Task Pages_WhileTheForecastHangs_RenderWithoutWaitingForIt()
    {
        var handler = FakeWeatherHandler.Hanging();
        using var factory = new NewsPortalFactory { WeatherHandler = handler };
        factory.Settings["Weather:TimeoutSeconds"] = "60";
        var client = factory.CreateClient();
        var slug = await factory.WithDbAsync(db => Task.FromResult(db.Articles.Select(a => a.Slug).First()));
        Assert.True(await WaitUntilAsync(() => handler.InFlight > 0), $"The forecast was never called within {EventTimeout.TotalSeconds} s.");

        var (response, document) = await Html.GetAsync(client, $"/news/{slug}");

        // The page came back while the forecast call (which gives up only after 60 s) was still hanging.
        Assert.True(handler.InFlight > 0, "The forecast call had ended before the page answered, so the page may have waited for it.");
        AssertServedWithoutWeather(response, document);
    }

    [Fact]
    public async Task Host_WhenTheForecastThrowsAnUnexpectedException_KeepsServing()
    {
        var handler = FakeWeatherHandler.Throwing();
        var log = new CapturedLog();
        using var factory = new NewsPortalFactory { WeatherHandler = handler, ConfigureServices = services => services.AddSingleton<ILogEventSink>(log) };
        var client = factory.CreateClient();
        var lifetime = factory.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>();

        // The refresher either caught the exception (and logged it) or let it escape, which stops the host.
        bool Caught() => log.Events.Any(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("could not be refreshed", StringComparison.Ordinal));
        var decided = await WaitUntilAsync(() => Caught() || lifetime.ApplicationStopping.IsCancellationRequested);

        Assert.True(decided, $"Within {EventTimeout.TotalSeconds} s the refresher neither logged the failure nor stopped the host ({handler.Calls} calls).");
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested, "The weather refresher's exception stopped the site.");
        Assert.True(Caught());
        var (response, document) = await Html.GetAsync(client, "/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(document.QuerySelector(".weather"));
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow + EventTimeout;
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        return true;
    }
}
