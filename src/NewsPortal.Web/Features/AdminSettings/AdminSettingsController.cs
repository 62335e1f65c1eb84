using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.AdminSettings;

[Authorize(Policy = Policies.Administration)]
[Route("admin/settings")]
public sealed class AdminSettingsController(CommentSettingsService settings) : Controller
{
    /// <summary>How many changes to the rules the page lists.</summary>
    public const int ChangesShown = 30;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        ViewData[nameof(CommentSettingsChange)] = await settings.RecentChangesAsync(ChangesShown, cancellationToken);
        return View(await settings.GetAsync(cancellationToken));
    }

    [HttpPost("")]
    public async Task<IActionResult> Index(CommentSettingsForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            ViewData[nameof(CommentSettingsChange)] = await settings.RecentChangesAsync(ChangesShown, cancellationToken);
            return View(ShownAgain(form));
        }

        if (await settings.SaveAsync(form, User.StaffName(), cancellationToken))
        {
            TempData["Flash"] = "Comment settings saved. They apply to the next comment posted.";
        }
        else
        {
            TempData["Warning"] = "Another admin saved these settings while you were editing. Here are their settings; make your change again.";
        }

        return new SeeOtherResult("/admin/settings");
    }

    /// <summary>
    /// The refused form as it can be shown again: a field left out is reported at the top, and a checkbox shows the value
    /// it was bound to, since the checkbox helper cannot render what was posted when that is not a boolean ("yes").
    /// </summary>
    private CommentSettingsForm ShownAgain(CommentSettingsForm form)
    {
        // A field left out, or the hidden version, has no message of its own next to it.
        if (ModelState.Any(entry => entry.Value is { Errors.Count: > 0 } && (entry.Value.RawValue is null || entry.Key == nameof(form.Version))))
        {
            ModelState.AddModelError(string.Empty, "Some settings were missing from the form, so nothing was saved. Check every setting below and save again.");
        }

        foreach (var (key, value) in new[] { (nameof(form.PreModeration), form.PreModeration), (nameof(form.AutoApprovePreviouslyApproved), form.AutoApprovePreviouslyApproved) })
        {
            if (ModelState[key] is { ValidationState: Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid })
            {
                ModelState.SetModelValue(key, value, value ? "true" : "false");
            }
        }

        return form;
    }
}
