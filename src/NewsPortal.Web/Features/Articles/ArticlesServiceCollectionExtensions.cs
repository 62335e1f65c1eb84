namespace NewsPortal.Web.Features.Articles;

public static class ArticlesServiceCollectionExtensions
{
    /// <summary>The article page and its shared, compressed copies.</summary>
    public static IServiceCollection AddArticlePages(this IServiceCollection services) =>
        services.AddScoped<ArticleService>().AddScoped<SharedArticlePages>();
}
