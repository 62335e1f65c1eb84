using NewsPortal.Web.Features.AdminArticles;
using NewsPortal.Web.Features.AdminComments;

namespace NewsPortal.Web.Features.AdminDashboard;

public sealed class StaffDashboardViewModel
{
    /// <summary>The moderators' part (Admin, Moderator); null for others.</summary>
    public DashboardViewModel? Comments { get; init; }

    /// <summary>The review queue (Admin, Editor); null for others.</summary>
    public ReviewQueueSummary? Review { get; init; }

    /// <summary>A reporter's own stories; null for others.</summary>
    public ReporterStoryCounts? Mine { get; init; }
}

/// <summary>
/// Every staff member's start page, each seeing their part: moderators the comment counts (as before), editors the
/// review queue's size and age, reporters their own stories.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class AdminDashboardController(ModerationQueue moderation) : Controller
{
    [HttpGet("/admin")]
    public async Task<IActionResult> Index(
        [FromServices] ReportModerationService reports, [FromServices] ArticleReview review, [FromServices] ArticleAccess access,
        CancellationToken cancellationToken)
    {
        DashboardViewModel? comments = null;
        if (User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Moderator))
        {
            var (reported, illegal) = await reports.CountAsync(cancellationToken);
            var model = await moderation.DashboardAsync(cancellationToken);
            comments = new DashboardViewModel
            {
                Counts = model.Counts,
                OldestPendingAt = model.OldestPendingAt,
                Latest = model.Latest,
                ReportedCount = reported,
                IllegalReportedCount = illegal,
            };
        }

        var mine = ArticleAccess.IsReporterOnly(User)
            ? await review.MineCountsAsync((await access.ActorAsync(User, cancellationToken)).UserId, cancellationToken)
            : null;

        return View(new StaffDashboardViewModel
        {
            Comments = comments,
            Review = User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Editor) ? await review.SummaryAsync(cancellationToken) : null,
            Mine = mine,
        });
    }
}
