using Microsoft.Extensions.Options;
using NewsPortal.Web.Infrastructure.Hosting;

using NewsPortal.Web.Infrastructure.Site;

namespace NewsPortal.Web.Features.AdminDashboard;

/// <summary>
/// Keeps the dashboard's daily rows up to date: every <see cref="DashboardOptions.StatsInterval"/> the instance that
/// holds the lease recomputes yesterday (which the first pass after midnight finishes) and today from the source tables.
/// Idempotent, so a pass cut short is simply done again by the next one, here or on another instance.
/// </summary>
public sealed partial class DailyStatsJob : PeriodicBackgroundService
{
    public const string LeaseName = "dashboard-daily-stats";

    private readonly IServiceScopeFactory _scopes;
    private readonly DashboardOptions _options;
    private readonly ILogger<DailyStatsJob> _logger;

    public DailyStatsJob(IServiceScopeFactory scopes, IOptions<DashboardOptions> options, ILogger<DailyStatsJob> logger)
    {
        _scopes = scopes;
        _options = options.Value;
        _logger = logger;
    }

    protected override bool Enabled => _options.StatsEnabled;

    protected override TimeSpan Interval => _options.StatsInterval;

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<JobLeases>().TryClaimAsync(LeaseName, Interval * 2, stoppingToken))
        {
            return;
        }

        var days = scope.ServiceProvider.GetRequiredService<SiteDays>();
        await scope.ServiceProvider.GetRequiredService<DailyStatsBuilder>().RecomputeAsync(days.Today.AddDays(-1), days.Today, stoppingToken);
    }

    protected override void LogFailure(Exception exception) => LogFailed(_logger, exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The dashboard's daily figures could not be updated; the next pass tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
