namespace NewsPortal.Web.Features.AdminSections;

public sealed record SectionRow(int Id, string Name, string Slug, bool HiddenFromNavigation, int ArticleCount);

public sealed class SectionListViewModel
{
    public required IReadOnlyList<SectionRow> Sections { get; init; }
    public SectionForm NewSection { get; init; } = new();
}

public sealed class SectionEditViewModel
{
    public int Id { get; init; }
    public required string CurrentSlug { get; init; }
    public required SectionForm Form { get; init; }
    public IReadOnlyList<string> OldSlugs { get; init; } = [];
}

public sealed class SectionDeleteViewModel
{
    public int Id { get; init; }
    public required string Name { get; init; }
    public int ArticleCount { get; init; }
    public DeleteSectionForm Form { get; init; } = new();
    public IReadOnlyList<SelectListItem> Targets { get; init; } = [];
}
