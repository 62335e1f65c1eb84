namespace NewsPortal.Web.Features.Feeds;

public static class FeedsServiceCollectionExtensions
{
    public static IServiceCollection AddFeeds(this IServiceCollection services) => services.AddScoped<FeedService>();
}
