namespace NewsPortal.Web.Infrastructure.Mvc;

public static class MvcServiceCollectionExtensions
{
    public static IServiceCollection AddNewsMvc(this IServiceCollection services)
    {
        services.Configure<RouteOptions>(o =>
        {
            o.LowercaseUrls = true;
            o.LowercaseQueryStrings = false;
        });

        services.AddControllersWithViews(o =>
        {
            // Every unsafe method needs the antiforgery token unless an action explicitly opts out.
            o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());

            // Everything under /admin needs a member of staff, whether or not its controller says so.
            o.Conventions.Add(new StaffAreaConvention());
        });

        services.Configure<RazorViewEngineOptions>(o => o.ViewLocationExpanders.Add(new FeatureViewLocationExpander()));

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "np_af";
            o.Cookie.SameSite = SameSiteMode.Strict;

            // Secure whenever the reader's connection is https, also when TLS ends at a trusted proxy (the
            // framework's default would never mark it Secure).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__RequestVerificationToken";
        });
        services.AddAntiforgeryTokenProtection();

        services.Configure<CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddScoped<ViewRenderer>();

        return services;
    }
}
