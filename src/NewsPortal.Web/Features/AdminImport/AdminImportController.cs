using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.AdminImport;

[Authorize(Policy = Policies.Administration)]
[Route("admin/import")]
public sealed class AdminImportController(ImportPage page) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await page.LoadAsync(null, cancellationToken));

    /// <summary>The current run as JSON, for the page's progress bar (import-progress.js).</summary>
    [HttpGet("status")]
    public async Task<IActionResult> Status(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        return Json(await page.CurrentAsync(cancellationToken));
    }

    /// <summary>Asks the running import to stop (what it wrote stays; the same files imported again finish it).</summary>
    [HttpPost("{id:int}/cancel")]
    public async Task<IActionResult> Cancel(int id, [FromServices] ImportRuns runs, CancellationToken cancellationToken)
    {
        if (await runs.RequestCancelAsync(id, User.StaffName(), cancellationToken))
        {
            TempData["Flash"] = "Asked the import to stop; it stops within a few seconds. What it has written stays.";
        }
        else
        {
            TempData["Warning"] = "That import is no longer running: there was nothing to stop.";
        }

        return new SeeOtherResult("/admin/import");
    }

    /// <summary>
    /// The upload. Its body is read by <see cref="StartImport"/>, not by model binding or the global antiforgery
    /// filter (both would buffer the whole form first); StartImport checks the antiforgery token itself, before it
    /// writes any file, and answers 400 without one.
    /// </summary>
    [HttpPost("")]
    [IgnoreAntiforgeryToken]
    [StreamedForm]
    public async Task<IActionResult> Upload([FromServices] StartImport start, CancellationToken cancellationToken)
    {
        var outcome = await start.StartAsync(HttpContext, User.StaffName(), cancellationToken);
        if (outcome.Refusal is null && outcome.StatusCode == StatusCodes.Status303SeeOther)
        {
            TempData["Flash"] = "Upload received; the import is running. This page shows its progress (you may leave and come back).";
            return new SeeOtherResult("/admin/import");
        }

        if (outcome.Refusal is null)
        {
            return StatusCode(outcome.StatusCode);
        }

        Response.StatusCode = outcome.StatusCode;
        return View("Index", await page.LoadAsync(outcome.Refusal, cancellationToken));
    }
}
