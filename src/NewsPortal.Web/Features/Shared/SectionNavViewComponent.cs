namespace NewsPortal.Web.Features.Shared;

/// <summary>The section links of the masthead and footer; loads its own data so every page, the 404 included, has them.</summary>
public sealed class SectionNavViewComponent(ReaderSnapshot cache) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string variant = "masthead")
    {
        var sections = await cache.GetOrLoadAsync(
            "sections",
            ReaderChange.Articles,
            async (db, ct) => new SectionLinks(await db.Categories.AsNoTracking()
                .Where(c => !c.HiddenFromNavigation)
                .OrderBy(c => c.Position).ThenBy(c => c.Name)
                .Select(c => new SectionLink(c.Name, c.Slug))
                .ToListAsync(ct)),
            HttpContext.RequestAborted);
        return View(variant == "footer" ? "Footer" : "Default", sections.Links);
    }
}

[System.ComponentModel.ImmutableObject(true)]
public sealed record SectionLink(string Name, string Slug);

[System.ComponentModel.ImmutableObject(true)]
public sealed record SectionLinks(IReadOnlyList<SectionLink> Links);
