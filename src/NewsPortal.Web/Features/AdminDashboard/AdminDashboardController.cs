using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.AdminArticles;
using NewsPortal.Web.Features.AdminComments;
using NewsPortal.Web.Infrastructure.Identity;

namespace NewsPortal.Web.Features.AdminDashboard;

/// <summary>A reporter's own stories by state.</summary>
public sealed record ReporterStoryCounts(int Drafts, int InReview, int SentBack);

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
public sealed class AdminDashboardController : Controller
{
    private readonly ModerationService _moderation;

    public AdminDashboardController(ModerationService moderation) => _moderation = moderation;

    [HttpGet("/admin")]
    public async Task<IActionResult> Index(
        [FromServices] ReportModerationService reports, [FromServices] ArticleReview review, [FromServices] ArticleAccess access,
        [FromServices] NewsDbContext db, CancellationToken cancellationToken)
    {
        DashboardViewModel? comments = null;
        if (User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Moderator))
        {
            var (reported, illegal) = await reports.CountAsync(cancellationToken);
            var model = await _moderation.DashboardAsync(cancellationToken);
            comments = new DashboardViewModel
            {
                Counts = model.Counts,
                OldestPendingAt = model.OldestPendingAt,
                Latest = model.Latest,
                ReportedCount = reported,
                IllegalReportedCount = illegal,
            };
        }

        ReporterStoryCounts? mine = null;
        if (ArticleAccess.IsReporterOnly(User))
        {
            var me = (await access.ActorAsync(User, cancellationToken)).UserId;
            var own = await db.Articles.AsNoTracking().Where(a => a.CreatedById == me && a.Status == ArticleStatus.Draft)
                .GroupBy(a => a.SubmittedAt != null ? 1 : a.SentBackNote != null ? 2 : 0)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            int Count(int key) => own.FirstOrDefault(g => g.Key == key)?.Count ?? 0;
            mine = new ReporterStoryCounts(Count(0), Count(1), Count(2));
        }

        return View(new StaffDashboardViewModel
        {
            Comments = comments,
            Review = User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Editor) ? await review.SummaryAsync(cancellationToken) : null,
            Mine = mine,
        });
    }
}
