using NewsPortal.Web.Features.Shared;

namespace NewsPortal.Web.Features.AdminSections;

/// <summary>Sections: list, create, rename, describe, order, hide from the navigation, delete. Editors and Admins.</summary>
[Authorize(Policy = Policies.Newsroom)]
[Route("admin/sections")]
public sealed class AdminSectionsController(SectionAdmin sections) : Controller
{
    private const string Back = "/admin/sections";


    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await sections.ListAsync(null, cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Create([Bind(Prefix = "NewSection")] SectionForm form, CancellationToken cancellationToken) =>
        (ModelState.IsValid ? this.Answer(await sections.CreateAsync(form, cancellationToken), "NewSection.", $"Section {form.Name!.Trim()} created.", Back) : null)
        ?? View("Index", await sections.ListAsync(form, cancellationToken));

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await sections.EditAsync(id, null, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Update(int id, [Bind(Prefix = "Form")] SectionForm form, CancellationToken cancellationToken) =>
        (ModelState.IsValid ? this.Answer(await sections.UpdateAsync(id, form, cancellationToken), "Form.", $"Section {form.Name!.Trim()} saved.", Back) : null)
        ?? (await sections.EditAsync(id, form, cancellationToken) is { } model ? View("Edit", model) : NotFound());

    /// <summary>Moves a section one place up or down in the navigation (<c>direction</c> is <c>up</c> or <c>down</c>).</summary>
    [HttpPost("{id:int}/move")]
    public async Task<IActionResult> Move(int id, string? direction, CancellationToken cancellationToken)
    {
        if (direction is not ("up" or "down"))
        {
            TempData["Warning"] = "Say which way to move the section: up or down.";
            return new SeeOtherResult(Back);
        }

        var result = await sections.MoveAsync(id, direction == "up", cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            TempData["Warning"] = result.Errors.Values.First();
        }

        return new SeeOtherResult(Back);
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        await sections.DeletionAsync(id, null, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Destroy(int id, [Bind(Prefix = "Form")] DeleteSectionForm form, CancellationToken cancellationToken)
    {
        var before = await sections.DeletionAsync(id, form, cancellationToken);
        if (before is null)
        {
            return NotFound();
        }

        var done = before.ArticleCount > 0
            ? $"Section {before.Name} deleted; its articles moved to {before.Targets.FirstOrDefault(t => t.Selected)?.Text}, and its address now leads there."
            : $"Section {before.Name} deleted.";
        return (ModelState.IsValid ? this.Answer(await sections.DeleteAsync(id, form, cancellationToken), "Form.", done, Back) : null)
            ?? View("Delete", await sections.DeletionAsync(id, form, cancellationToken) ?? before);
    }
}
