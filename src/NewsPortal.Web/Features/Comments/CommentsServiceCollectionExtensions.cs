namespace NewsPortal.Web.Features.Comments;

public static class CommentsServiceCollectionExtensions
{
    /// <summary>Readers' comments: the thread, posting, reporting, editing one's own, and their limits (<c>Comments:*</c>).</summary>
    public static IServiceCollection AddComments(this IServiceCollection services)
    {
        services.AddCheckedOptions<CommentOptions>(CommentOptions.SectionName);
        services.AddScoped<CommentThreadService>();
        services.AddScoped<CommentSectionService>();
        services.AddSingleton<HeldCommentsCookie>();
        services.AddSingleton<FormStamp>();
        services.AddScoped<CommentRulesSource>();
        services.AddScoped<CommentService>();
        services.AddSingleton<ReaderIdCookie>();
        services.AddScoped<CommentReportService>();
        services.AddScoped<OwnCommentService>();
        return services;
    }
}
