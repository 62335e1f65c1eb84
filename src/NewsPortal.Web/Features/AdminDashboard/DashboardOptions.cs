namespace NewsPortal.Web.Features.AdminDashboard;

/// <summary>The "Dashboard" section: how the charts' daily rows are kept up to date.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>How often one instance recomputes today's and yesterday's rows (so the charts lag by at most this).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan StatsInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>False only in tests that drive the builder themselves.</summary>
    public bool StatsEnabled { get; set; } = true;
}
