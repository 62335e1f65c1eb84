namespace NewsPortal.Web.Infrastructure.Site;

public static class SiteServiceCollectionExtensions
{
    public static IServiceCollection AddSite(this IServiceCollection services)
    {
        services.AddCheckedOptions<SiteOptions>(SiteOptions.SectionName)
            .Validate(o => TryFindTimeZone(o.TimeZone), "Site:TimeZone must be an IANA time zone id such as Europe/London.")
            .Validate(o => SiteOptions.IsValidPublicUrl(o.PublicUrl), "Site:PublicUrl must be an absolute http:// or https:// URL such as https://news.example.com, with no query or fragment.");

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SiteClock>();
        return services;
    }

    private static bool TryFindTimeZone(string id)
    {
        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }
}
