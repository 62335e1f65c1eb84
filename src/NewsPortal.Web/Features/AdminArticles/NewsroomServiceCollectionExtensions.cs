namespace NewsPortal.Web.Features.AdminArticles;

public static class NewsroomServiceCollectionExtensions
{
    /// <summary>The newsroom's article list, editor, review, corrections and preview links (revisions: <c>AddArticleRevisions</c>).</summary>
    public static IServiceCollection AddNewsroom(this IServiceCollection services)
    {
        services.AddScoped<ArticleList>();
        services.AddScoped<ArticleEditorPages>();
        services.AddScoped<ArticleEditorService>();
        services.AddScoped<PublishTimes>();
        services.AddScoped<ArticleAccess>();
        services.AddScoped<ArticleReview>();
        services.AddScoped<ArticleCorrections>();
        services.AddScoped<ArticlePreviewLinks>();
        services.AddScoped<ArticleNewsroomPanels>();
        return services;
    }
}
