namespace NewsPortal.Web.Features.AdminDashboard;

/// <summary>The dashboard's charts; a component so the dashboard page takes them with one line and loads nothing else for them.</summary>
public sealed class DashboardChartsViewComponent(DashboardCharts charts) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var model = await charts.LoadAsync(withModerators: UserClaimsPrincipal.IsInRole(Roles.Admin), HttpContext.RequestAborted);
        return View("~/Features/AdminDashboard/_DashboardCharts.cshtml", model);
    }
}
