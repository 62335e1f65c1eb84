using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.AdminBylines;

/// <summary>Bylines: create, edit, rename, retire, delete while unused. Editors and Admins.</summary>
[Authorize(Policy = Policies.Newsroom)]
[Route("admin/bylines")]
public sealed class AdminBylinesController(BylineAdmin bylines) : Controller
{
    private const string Back = "/admin/bylines";


    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await bylines.ListAsync(cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) => View("Edit", await bylines.NewAsync(null, cancellationToken));

    [HttpPost("new")]
    public async Task<IActionResult> Create([Bind(Prefix = "Form")] BylineForm form, CancellationToken cancellationToken) =>
        (ModelState.IsValid ? this.Answer(await bylines.CreateAsync(form, cancellationToken), "Form.", $"Byline {form.Name!.Trim()} created.", Back) : null)
        ?? View("Edit", await bylines.NewAsync(form, cancellationToken));

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await bylines.EditAsync(id, null, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Update(int id, [Bind(Prefix = "Form")] BylineForm form, CancellationToken cancellationToken) =>
        (ModelState.IsValid ? this.Answer(await bylines.UpdateAsync(id, form, cancellationToken), "Form.", $"Byline {form.Name!.Trim()} saved.", Back) : null)
        ?? (await bylines.EditAsync(id, form, cancellationToken) is { } model ? View("Edit", model) : NotFound());

    /// <summary>Retires the byline (<c>retired=true</c>) or brings it back (<c>retired=false</c>).</summary>
    [HttpPost("{id:int}/retire")]
    public async Task<IActionResult> Retire(int id, bool retired, CancellationToken cancellationToken)
    {
        var done = retired ? "Byline retired: it stays on its articles and is no longer offered for new ones." : "Byline back in use.";
        return this.Answer(await bylines.RetireAsync(id, retired, cancellationToken), "Form.", done, Back) ?? new SeeOtherResult(Back);
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        await bylines.DeletionAsync(id, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Destroy(int id, CancellationToken cancellationToken)
    {
        var before = await bylines.DeletionAsync(id, cancellationToken);
        if (before is null)
        {
            return NotFound();
        }

        if (this.Answer(await bylines.DeleteAsync(id, cancellationToken), "Form.", $"Byline {before.Name} deleted.", Back) is { } done)
        {
            return done;
        }

        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Delete", await bylines.DeletionAsync(id, cancellationToken) ?? before);
    }
}
