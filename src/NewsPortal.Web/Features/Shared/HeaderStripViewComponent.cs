using NewsPortal.Web.Features.Weather;

namespace NewsPortal.Web.Features.Shared;

/// <summary>The strip above the masthead: the weather (when known) and today's date in the site's time zone.</summary>
public sealed class HeaderStripViewComponent(SiteClock clock, WeatherCache weather) : ViewComponent
{
    public IViewComponentResult Invoke() =>
        View(new HeaderStripViewModel(clock.Now, weather.Current));
}

public sealed record HeaderStripViewModel(DateTimeOffset Today, WeatherReading? Weather);
