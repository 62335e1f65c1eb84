using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;

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

    public static TheoryData<string> Failures => ["failing", "hanging"];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Pages_WhenTheForecastFailsOrHangs_RenderWithoutWeather(string failure)
    {
        var handler = failure == "failing" ? FakeWeatherHandler.Failing() : FakeWeatherHandler.Hanging();
        using var factory = new NewsPortalFactory { WeatherHandler = handler };
        factory.Settings["Weather:TimeoutSeconds"] = "30";
        var client = factory.CreateClient();
        var slug = await factory.WithDbAsync(db => Task.FromResult(db.Articles.Select(a => a.Slug).First()));

        var stopwatch = Stopwatch.StartNew();
        var (response, document) = await Html.GetAsync(client, $"/news/{slug}");
        stopwatch.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(document.QuerySelector(".weather"));
        Assert.NotNull(document.QuerySelector(".header-strip .today time"));
        Assert.NotNull(document.QuerySelector("h1"));
        // Not a timing assertion on performance: a page that waited on a 30 s forecast call would take 30 s.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"The page waited {stopwatch.Elapsed} for the weather.");
    }

    [Fact]
    public async Task Host_WhenTheForecastThrowsAnUnexpectedException_KeepsServing()
    {
        var handler = FakeWeatherHandler.Throwing();
        using var factory = new NewsPortalFactory { WeatherHandler = handler };
        var client = factory.CreateClient();

        // Wait until the refresher has called (and failed), then give an escaped exception time to stop the host.
        for (var attempt = 0; attempt < 50 && handler.Calls == 0; attempt++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        await Task.Delay(500, TestContext.Current.CancellationToken);
        var lifetime = factory.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>();

        Assert.True(handler.Calls > 0, "The refresher never called the forecast.");
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested, "The weather refresher's exception stopped the site.");
        var (response, document) = await Html.GetAsync(client, "/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(document.QuerySelector(".weather"));
    }
}
