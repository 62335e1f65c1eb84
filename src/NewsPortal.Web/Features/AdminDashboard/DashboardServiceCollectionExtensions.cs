using NewsPortal.Web.Features.Search;

namespace NewsPortal.Web.Features.AdminDashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>The dashboard's charts, the jobs that keep their daily rows, and the search statistics.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddCheckedOptions<DashboardOptions>(DashboardOptions.SectionName);
        return services
            .AddScoped<SiteDays>().AddScoped<JobLeases>().AddScoped<DailyStatsBuilder>().AddScoped<DashboardCharts>()
            .AddScoped<SearchStatsService>()
            .AddSingleton<DashboardChartsCache>().AddSingleton<SearchStatsRecorder>().AddSingleton<SearchStatsJob>()
            .AddHostedService<DailyStatsJob>()
            .AddHostedService(sp => sp.GetRequiredService<SearchStatsJob>());
    }
}
