using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features.AdminComments;
using NewsPortal.Web.Infrastructure.Identity;

namespace NewsPortal.Web.Features.AdminDashboard;

[Authorize(Policy = Policies.Moderation)]
public sealed class AdminDashboardController : Controller
{
    private readonly ModerationService _moderation;

    public AdminDashboardController(ModerationService moderation) => _moderation = moderation;

    [HttpGet("/admin")]
    public async Task<IActionResult> Index([FromServices] ReportModerationService reports, CancellationToken cancellationToken)
    {
        var (reported, illegal) = await reports.CountAsync(cancellationToken);
        var model = await _moderation.DashboardAsync(cancellationToken);
        return View(new DashboardViewModel
        {
            Counts = model.Counts,
            OldestPendingAt = model.OldestPendingAt,
            Latest = model.Latest,
            ReportedCount = reported,
            IllegalReportedCount = illegal,
        });
    }
}
