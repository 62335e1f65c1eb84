namespace NewsPortal.Web.Features.AdminSettings;

public static class CommentSettingsServiceCollectionExtensions
{
    public static IServiceCollection AddCommentSettings(this IServiceCollection services) => services.AddScoped<CommentSettingsService>();
}
