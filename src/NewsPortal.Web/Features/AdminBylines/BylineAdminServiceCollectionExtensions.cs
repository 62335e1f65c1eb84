namespace NewsPortal.Web.Features.AdminBylines;

public static class BylineAdminServiceCollectionExtensions
{
    public static IServiceCollection AddBylineAdmin(this IServiceCollection services) => services.AddScoped<BylineAdmin>();
}
