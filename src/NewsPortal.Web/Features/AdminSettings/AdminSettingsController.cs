using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features.Shared;
using NewsPortal.Web.Infrastructure.Identity;
using NewsPortal.Web.Infrastructure.Mvc;

namespace NewsPortal.Web.Features.AdminSettings;

[Authorize(Policy = Policies.Administration)]
[Route("admin/settings")]
public sealed class AdminSettingsController : Controller
{
    private readonly CommentSettingsService _settings;

    public AdminSettingsController(CommentSettingsService settings) => _settings = settings;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await _settings.GetAsync(cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Index(CommentSettingsForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        if (await _settings.SaveAsync(form, User.StaffName(), cancellationToken))
        {
            TempData["Flash"] = "Comment settings saved. They apply to the next comment posted.";
        }
        else
        {
            TempData["Warning"] = "Another admin saved these settings while you were editing. Here are their settings; make your change again.";
        }

        return new SeeOtherResult("/admin/settings");
    }
}
