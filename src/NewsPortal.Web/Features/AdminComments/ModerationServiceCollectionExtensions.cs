namespace NewsPortal.Web.Features.AdminComments;

public static class ModerationServiceCollectionExtensions
{
    /// <summary>The moderation queue, decisions on comments and on readers' reports, and the queue's counts.</summary>
    public static IServiceCollection AddModeration(this IServiceCollection services) => services
        .AddSingleton<CommentCounts>()
        .AddScoped<ModerationQueue>().AddScoped<ModerationService>().AddScoped<ReportModerationService>();
}
