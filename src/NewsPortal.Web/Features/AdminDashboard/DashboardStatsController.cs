using NewsPortal.Web.Features.Search;

namespace NewsPortal.Web.Features.AdminDashboard;

/// <summary>The figures behind the dashboard: recomputing them (Admin) and what readers search for (Editors, Admin).</summary>
public sealed class DashboardStatsController : Controller
{
    [HttpGet("/admin/search-stats")]
    [Authorize(Policy = Policies.Newsroom)]
    public async Task<IActionResult> SearchStats([FromServices] SearchStatsService stats, CancellationToken cancellationToken) =>
        View("~/Features/AdminDashboard/SearchStats.cshtml", await stats.LoadAsync(cancellationToken));

    /// <summary>Recomputes the charts' days from the source tables, and writes the search counts held in memory.</summary>
    [HttpPost("/admin/stats/rebuild")]
    [Authorize(Policy = Policies.Administration)]
    public async Task<IActionResult> Rebuild(
        [FromServices] DailyStatsBuilder builder, [FromServices] SearchStatsJob searches, CancellationToken cancellationToken)
    {
        await builder.RebuildAsync(cancellationToken);
        await searches.FlushAsync(cancellationToken);

        TempData["Flash"] = $"The last {DashboardCharts.Days} days were recomputed from the comments, their history and the reports.";
        return Redirect("/admin");
    }
}
