namespace NewsPortal.Web.Features.Home;

public static class HomeServiceCollectionExtensions
{
    public static IServiceCollection AddFrontPage(this IServiceCollection services) => services.AddScoped<FrontPageService>();
}
