namespace NewsPortal.Web.Features.Comments;

public static class CommentsServiceCollectionExtensions
{
    /// <summary>Readers' comments: the thread, posting, reporting, editing one's own, and their limits (<c>Comments:*</c>).</summary>
    public static IServiceCollection AddComments(this IServiceCollection services)
    {
        services.AddCheckedOptions<CommentOptions>(CommentOptions.SectionName);
        return services
            .AddScoped<CommentThreadService>().AddScoped<CommentSectionService>().AddScoped<CommentRulesSource>()
            .AddScoped<CommentService>().AddScoped<CommentReportService>().AddScoped<OwnCommentService>()
            .AddSingleton<HeldCommentsCookie>().AddSingleton<FormStamp>().AddSingleton<ReaderIdCookie>();
    }
}
