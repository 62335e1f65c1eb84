namespace NewsPortal.Web.Features.AdminSections;

public static class SectionAdminServiceCollectionExtensions
{
    public static IServiceCollection AddSectionAdmin(this IServiceCollection services) => services.AddScoped<SectionAdmin>();
}
