using NewsPortal.Web.Data;
using NewsPortal.Web.Data.Seed;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.Comments;
using NewsPortal.Web.Features.Feeds;
using NewsPortal.Web.Features.Home;
using NewsPortal.Web.Features.Listings;
using NewsPortal.Web.Features.Search;
using NewsPortal.Web.Infrastructure.Sanitizing;
using NewsPortal.Web.Infrastructure.Security;

namespace NewsPortal.Web.Features;

public static class ReaderFeatures
{
    public static IServiceCollection AddReaderFeatures(this IServiceCollection services)
    {
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.SectionName);
        services.AddImageOrigins();
        services.AddSingleton(sp => new ArticleSanitizer(sp.GetRequiredService<ImageOrigins>()));
        services.AddScoped<SampleContentSeeder>();
        services.AddScoped<SampleReporterSeeder>();

        services.AddScoped<SamplePhotoSeeder>();

        services.AddScoped<FrontPageService>();
        services.AddScoped<ArticleService>();
        services.AddScoped<SharedArticlePages>();
        services.AddScoped<ListingService>();
        services.AddScoped<SearchService>();
        services.AddSingleton<SearchGate>();
        services.AddSearchRateLimiting();
        services.AddScoped<FeedService>();
        services.AddScoped(sp => new Lazy<NewsDbContext>(sp.GetRequiredService<NewsDbContext>));
        services.AddScoped<CommentThreadService>();
        services.AddScoped<CommentSectionService>();
        services.AddScoped<Infrastructure.Mvc.ViewRenderer>();
        services.AddSingleton<Infrastructure.Security.SiteSecretStore>();
        services.AddSingleton<HeldCommentsCookie>();

        services.AddOptions<CommentOptions>()
            .BindConfiguration(CommentOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<CommentSanitizer>();
        services.AddSingleton<FormStamp>();
        services.AddScoped<CommentRulesSource>();
        services.AddScoped<CommentService>();
        services.AddCommentRateLimiting();
        services.AddSingleton<ReaderIdCookie>();
        services.AddScoped<CommentReportService>();
        services.AddScoped<OwnCommentService>();
        services.AddCommentReportRateLimiting();

        services.AddSingleton<AdminComments.CommentCounts>();
        services.AddScoped<AdminComments.ModerationService>();
        services.AddScoped<AdminComments.ModerationQueue>();
        services.AddScoped<AdminComments.ReportModerationService>();
        services.AddScoped<AdminArticles.ArticleEditorService>();
        services.AddScoped<AdminArticles.ArticleList>();
        services.AddScoped<AdminArticles.ArticleEditorPages>();
        services.AddScoped<AdminArticles.PublishTimes>();
        services.AddScoped<AdminArticles.ArticleAccess>();
        services.AddScoped<AdminArticles.ArticleReview>();
        services.AddScoped<AdminArticles.ArticleCorrections>();
        services.AddScoped<AdminArticles.ArticlePreviewLinks>();
        services.AddScoped<AdminArticles.ArticleNewsroomPanels>();
        services.AddScoped<AdminSettings.CommentSettingsService>();
        return services;
    }
}
