namespace NewsPortal.Web.Features.AdminDashboard;

/// <summary>
/// The charts' model, kept by this instance until their daily rows change, one per kind of viewer (with or without
/// the moderators' chart). Only <see cref="DailyStatsBuilder"/> writes those rows, and every pass gives each day's
/// queue row the time it ran, so the newest <c>ComputedAt</c> is the rows' version: one small query per view
/// (<see cref="DashboardCharts.LoadAsync"/>) instead of the charts' own queries, and the rendered charts are kept under
/// the same key (<see cref="DashboardChartsViewModel.CacheKey"/>). A pass on this instance also moves
/// <see cref="LocalVersion"/>, so two passes within one tick of a stopped test clock are still told apart.
/// The top stories' headlines are read with the rows, so an edited headline shows after the next pass
/// (<see cref="DashboardOptions.StatsInterval"/>), as the figures do.
/// </summary>
public sealed class DashboardChartsCache
{
    /// <summary>How long rendered charts stay after their last use; a pass makes new ones sooner.</summary>
    public static readonly TimeSpan RenderedLifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<bool, Entry> _models = new();
    private long _localVersion;

    public long LocalVersion => Interlocked.Read(ref _localVersion);

    /// <summary>This instance has just replaced daily rows.</summary>
    public void Changed() => Interlocked.Increment(ref _localVersion);

    public DashboardChartsViewModel? Find(bool withModerators, string key) =>
        _models.TryGetValue(withModerators, out var entry) && entry.Key == key ? entry.Model : null;

    public void Keep(bool withModerators, string key, DashboardChartsViewModel model) => _models[withModerators] = new Entry(key, model);

    private sealed record Entry(string Key, DashboardChartsViewModel Model);
}
