namespace NewsPortal.Web.Features.AdminDashboard;

/// <summary>
/// Keeps the dashboard's daily rows up to date: every <see cref="DashboardOptions.StatsInterval"/> the instance that
/// holds the lease recomputes yesterday (which the first pass after midnight finishes) and today from the source tables.
/// Idempotent, so a pass cut short is simply done again by the next one, here or on another instance.
/// </summary>
public sealed partial class DailyStatsJob(IServiceScopeFactory scopes, IOptions<DashboardOptions> options, ILogger<DailyStatsJob> logger) : ScopedPeriodicService<DailyStatsBuilder>(scopes, options.Value.StatsEnabled, options.Value.StatsInterval)
{
    public const string LeaseName = "dashboard-daily-stats";


    protected override async Task RunAsync(DailyStatsBuilder builder, IServiceProvider services, CancellationToken stoppingToken)
    {
        if (!await services.GetRequiredService<JobLeases>().TryClaimAsync(LeaseName, Interval * 2, stoppingToken))
        {
            return;
        }

        var days = services.GetRequiredService<SiteDays>();
        await builder.RecomputeAsync(days.Today.AddDays(-1), days.Today, stoppingToken);
    }

    protected override void LogFailure(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The dashboard's daily figures could not be updated; the next pass tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
