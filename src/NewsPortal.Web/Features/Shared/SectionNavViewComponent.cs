using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;

namespace NewsPortal.Web.Features.Shared;

/// <summary>The section links of the masthead and footer; loads its own data so every page, the 404 included, has them.</summary>
public sealed class SectionNavViewComponent : ViewComponent
{
    private readonly NewsDbContext _db;

    public SectionNavViewComponent(NewsDbContext db) => _db = db;

    public async Task<IViewComponentResult> InvokeAsync(string variant = "masthead")
    {
        var sections = await _db.Categories.AsNoTracking()
            .OrderBy(c => c.Position).ThenBy(c => c.Name)
            .Select(c => new SectionLink(c.Name, c.Slug))
            .ToListAsync(HttpContext.RequestAborted);
        return View(variant == "footer" ? "Footer" : "Default", sections);
    }
}

public sealed record SectionLink(string Name, string Slug);
