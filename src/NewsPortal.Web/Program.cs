using NewsPortal.Web.Features.AdminArticles;
using NewsPortal.Web.Features.AdminArticles.Revisions;
using NewsPortal.Web.Features.AdminBylines;
using NewsPortal.Web.Features.AdminComments;
using NewsPortal.Web.Features.AdminDashboard;
using NewsPortal.Web.Features.AdminImport;
using NewsPortal.Web.Features.AdminSections;
using NewsPortal.Web.Features.AdminSettings;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Features.Authors;
using NewsPortal.Web.Features.Comments;
using NewsPortal.Web.Features.Feeds;
using NewsPortal.Web.Features.Home;
using NewsPortal.Web.Features.Listings;
using NewsPortal.Web.Features.Notifications;
using NewsPortal.Web.Features.Privacy;
using NewsPortal.Web.Features.Search;
using NewsPortal.Web.Features.Weather;
using NewsPortal.Web.Features.WordPressImport;

try
{
    // "import wordpress ...": the same host, built but never started (see ImportCommand).
    var import = ImportCommand.Parse(args);
    var builder = WebApplication.CreateBuilder(import?.HostArguments ?? args);
    if (import is not null)
    {
        builder.Configuration.AddInMemoryCollection(ImportCommand.QuietLogging);
    }

    builder.AddNewsLogging();
    builder.AddNewsTelemetry();
    builder.Services.AddSite();
    builder.Services.AddProxySupport(builder.Configuration, builder.Environment);
    builder.Services.AddNewsDatabase(builder.Configuration, builder.Environment);
    builder.Services.AddReaderCache();
    builder.Services.AddNewsDataProtection(builder.Configuration);
    builder.Services.AddStaffIdentity(builder.Environment);
    builder.Services.AddNewsMvc();
    builder.Services.AddNewsHealthChecks();
    builder.Services.AddNewsCompression();
    builder.Services.AddWeather();
    builder.Services.AddMail();
    builder.Services.AddNotifications();
    builder.Services.AddPrivacy();
    builder.Services.AddSanitizers();
    builder.Services.AddSampleContent();
    builder.Services.AddFrontPage();
    builder.Services.AddArticlePages();
    builder.Services.AddListings();
    builder.Services.AddSearch();
    builder.Services.AddFeeds();
    builder.Services.AddComments();
    builder.Services.AddAuthorPages();
    builder.Services.AddModeration();
    builder.Services.AddCommentSettings();
    builder.Services.AddNewsroom();
    builder.Services.AddMediaLibrary();
    builder.Services.AddSectionAdmin();
    builder.Services.AddBylineAdmin();
    builder.Services.AddArticleRevisions();
    builder.Services.AddDashboard();
    builder.Services.AddWordPressImport();
    builder.Services.AddAdminImport();
    builder.Services.AddPerClientLimits();

    var app = builder.Build();
    if (import is not null)
    {
        using var metrics = app.StartCommandMetrics();
        return await import.RunAsync(app.Services);
    }

    await app.InitializeDatabaseAsync();
    app.LogMailDestination();

    app.UseNewsMetrics();
    app.UseProxySupport();
    app.UseNewsErrorPages();
    app.UseSecurityHeaders();
    app.UseNewsRequestLogging();
    app.UseHeadAsGet();
    app.UseResponseCompression();
    app.UseMediaFiles();
    app.UseRouting();
    app.UseLegacyAddresses();
    app.UseRateLimiter();
    app.UseCommentRequestBody();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseSharedArticlePages();
    app.UseSharedPages();

    app.MapNewsHealthChecks();
    app.MapStaticAssets();
    app.MapControllers().WithStaticAssets();

    await app.RunAsync();
    return 0;
}
catch (StartupConfigurationException ex)
{
    await Console.Error.WriteLineAsync($"NewsPortal cannot start: {ex.Message}");
    return 1;
}
catch (Microsoft.Extensions.Options.OptionsValidationException ex)
{
    await Console.Error.WriteLineAsync($"NewsPortal cannot start: {string.Join(" ", ex.Failures)}");
    return 1;
}

public partial class Program;
