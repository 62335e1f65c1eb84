using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features.Weather;
using NewsPortal.Web.Infrastructure.Site;

namespace NewsPortal.Web.Features.Shared;

/// <summary>The strip above the masthead: the weather (when known) and today's date in the site's time zone.</summary>
public sealed class HeaderStripViewComponent : ViewComponent
{
    private readonly SiteClock _clock;
    private readonly WeatherCache _weather;

    public HeaderStripViewComponent(SiteClock clock, WeatherCache weather)
    {
        _clock = clock;
        _weather = weather;
    }

    public IViewComponentResult Invoke() =>
        View(new HeaderStripViewModel(_clock.Now, _weather.Current));
}

public sealed record HeaderStripViewModel(DateTimeOffset Today, WeatherReading? Weather);
