namespace NewsPortal.Web.Features.AdminArticles;

public static class NewsroomServiceCollectionExtensions
{
    /// <summary>The newsroom's article list, editor, review, corrections and preview links (revisions: <c>AddArticleRevisions</c>).</summary>
    public static IServiceCollection AddNewsroom(this IServiceCollection services) => services
        .AddScoped<ArticleList>().AddScoped<ArticleEditorPages>().AddScoped<ArticleEditorService>().AddScoped<PublishTimes>()
        .AddScoped<ArticleAccess>().AddScoped<ArticleReview>().AddScoped<ArticleCorrections>()
        .AddScoped<ArticlePreviewLinks>().AddScoped<ArticleNewsroomPanels>();
}
