namespace NewsPortal.Web.Features.Authors;

public static class AuthorsServiceCollectionExtensions
{
    /// <summary>The public author page, <c>/author/{slug}</c>.</summary>
    public static IServiceCollection AddAuthorPages(this IServiceCollection services) => services.AddScoped<AuthorPageService>();
}
