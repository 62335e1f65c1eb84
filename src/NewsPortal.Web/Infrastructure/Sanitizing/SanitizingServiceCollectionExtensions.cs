namespace NewsPortal.Web.Infrastructure.Sanitizing;

public static class SanitizingServiceCollectionExtensions
{
    /// <summary>The article and comment sanitizers, and the image origins the article one allows.</summary>
    public static IServiceCollection AddSanitizers(this IServiceCollection services)
    {
        services.AddImageOrigins();
        services.AddSingleton(sp => new ArticleSanitizer(sp.GetRequiredService<ImageOrigins>()));
        services.AddSingleton<CommentSanitizer>();
        return services;
    }
}
