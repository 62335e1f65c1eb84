using NewsPortal.Web.Features.Search;

namespace NewsPortal.Web.Features.AdminDashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>The dashboard's charts, the jobs that keep their daily rows, and the search statistics.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddCheckedOptions<DashboardOptions>(DashboardOptions.SectionName);
        services.AddScoped<SiteDays>();
        services.AddScoped<JobLeases>();
        services.AddScoped<DailyStatsBuilder>();
        services.AddScoped<DashboardCharts>();
        services.AddSingleton<DashboardChartsCache>();
        services.AddScoped<SearchStatsService>();
        services.AddHostedService<DailyStatsJob>();
        services.AddSingleton<SearchStatsRecorder>();
        services.AddSingleton<SearchStatsJob>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchStatsJob>());
        return services;
    }
}
