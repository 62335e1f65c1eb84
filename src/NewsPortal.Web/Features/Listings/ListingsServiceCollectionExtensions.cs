namespace NewsPortal.Web.Features.Listings;

public static class ListingsServiceCollectionExtensions
{
    /// <summary>Section and tag pages.</summary>
    public static IServiceCollection AddListings(this IServiceCollection services) => services.AddScoped<ListingService>();
}
